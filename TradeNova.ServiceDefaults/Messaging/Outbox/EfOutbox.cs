using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TradeNova.ServiceDefaults.Messaging.Outbox;

internal sealed class EfOutbox<TContext>(TContext db, OutboxHandoff handoff, IOptions<OutboxOptions> options, TimeProvider time) : IOutbox
    where TContext : DbContext
{
    private static readonly ConcurrentDictionary<Type, string> TypeNames = new();

    public void Add<T>(T message)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType();
        var now = time.GetUtcNow();
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = MessageTypeName(type),
            Body = JsonSerializer.Serialize(message, type, JsonSerializerOptions.Web),
            CreatedAt = now,
            // The dispatcher publishes the row as soon as it commits; the relay takes it only if that has not happened by then.
            NextAttemptAt = now + options.Value.DispatchGrace,
            TraceParent = Activity.Current?.Id,
        };
        db.Set<OutboxMessage>().Add(row);
        handoff.Stage(db, row, message, type);
    }

    // Version-free, so a redeploy with a new assembly version still resolves staged rows (Type.GetType). Built once per
    // type: Assembly.GetName() parses the assembly's identity anew on every call.
    private static string MessageTypeName(Type type) =>
        TypeNames.GetOrAdd(type, static t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    public void Notify<T>(T message)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        handoff.StageNotification(db, new CommittedMessage(Guid.CreateVersion7(now), message, message.GetType(), Activity.Current?.Id, now, Durable: false));
    }
}
