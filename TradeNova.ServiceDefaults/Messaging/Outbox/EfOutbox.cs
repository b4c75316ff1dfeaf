using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace TradeNova.ServiceDefaults.Messaging.Outbox;

internal sealed class EfOutbox<TContext>(TContext db, TimeProvider time) : IOutbox
    where TContext : DbContext
{
    public void Add<T>(T message)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType();
        var now = time.GetUtcNow();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            // Version-free, so a redeploy with a new assembly version still resolves staged rows (Type.GetType).
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, type, JsonSerializerOptions.Web),
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = Activity.Current?.Id,
        });
    }
}
