using Microsoft.EntityFrameworkCore;

namespace TradeNova.ServiceDefaults.Messaging;

/// <summary>The outbox and inbox tables as raw SQL names, for the two statements EF cannot express
/// (<c>FOR UPDATE SKIP LOCKED</c>, <c>ON CONFLICT DO NOTHING</c>). Names come from the EF model, never from input.</summary>
internal static class MessagingTables
{
    public static string QualifiedName<TEntity>(DbContext db)
    {
        var table = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no {typeof(TEntity).Name} table; call modelBuilder.AddOutboxAndInbox().");
        return table.GetSchema() is { } schema
            ? $"\"{schema}\".\"{table.GetTableName()}\""
            : $"\"{table.GetTableName()}\"";
    }
}
