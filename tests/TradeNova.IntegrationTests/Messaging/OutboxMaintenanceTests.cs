using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TradeNova.ServiceDefaults.Messaging.Inbox;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.IntegrationTests.Messaging;

/// <summary>Failure bookkeeping and pruning of the outbox/inbox tables, on real PostgreSQL.</summary>
public sealed class OutboxMaintenanceTests : IAsyncLifetime
{
    private readonly MessagingFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Failed_publish_is_recorded_and_the_row_waits_out_its_backoff()
    {
        var accountId = Guid.NewGuid();
        await using (var db = _fixture.CreateContext())
        {
            db.Accounts.Add(new TestAccount { Id = accountId, Name = "broker down" });
            new EfOutbox<MessagingTestContext>(db, new OutboxHandoff(), Options.Create(new OutboxOptions()), TimeProvider.System).Add(new TestAccountOpened(accountId, "broker down"));
            await db.SaveChangesAsync(Ct);
        }

        // A bus whose broker cannot be reached (and that was never started): every publish fails.
        await using var unreachable = new MessagingTestHost(_fixture.ConnectionString, "amqp://guest:guest@127.0.0.1:9/nowhere");
        var broker = unreachable.Services.GetRequiredService<IBus>();
        var clock = new FrozenTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1)); // past the dispatcher's grace: due for the relay
        await using (var db = _fixture.CreateContext())
        {
            (await CreatePublisher(db, broker, clock).PublishDueAsync(Ct)).ShouldBe(0);
        }

        await using (var db = _fixture.CreateContext())
        {
            var row = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(Ct);
            row.SentAt.ShouldBeNull();
            row.Attempts.ShouldBe(1);
            row.LastError.ShouldNotBeNullOrWhiteSpace();
            row.NextAttemptAt.ShouldBeGreaterThan(clock.GetUtcNow());

            // Not due yet: a second pass at the same moment leaves it alone.
            (await CreatePublisher(db, broker, clock).PublishDueAsync(Ct)).ShouldBe(0);
        }

        await using (var db = _fixture.CreateContext())
        {
            (await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(Ct)).Attempts.ShouldBe(1);
        }
    }

    [Fact]
    public async Task Sent_outbox_rows_and_inbox_entries_past_retention_are_pruned_and_fresh_ones_kept()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-30);
        var recent = DateTimeOffset.UtcNow.AddHours(-1);
        await using (var db = _fixture.CreateContext())
        {
            db.Set<OutboxMessage>().AddRange(
                Row("old sent", old, sentAt: old),
                Row("old unsent", old, sentAt: null),
                Row("recent sent", recent, sentAt: recent));
            db.Set<InboxMessage>().AddRange(
                new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "old", ProcessedAt = old },
                new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "recent", ProcessedAt = recent });
            await db.SaveChangesAsync(Ct);
        }

        await using var host = _fixture.CreateHost();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxProcessor<MessagingTestContext>>().PruneAsync(Ct);
        }

        await using var check = _fixture.CreateContext();
        (await check.Set<OutboxMessage>().AsNoTracking().Select(m => m.LastError).ToListAsync(Ct))
            .ShouldBe(["old unsent", "recent sent"], ignoreOrder: true);
        (await check.Set<InboxMessage>().AsNoTracking().Select(m => m.Consumer).ToListAsync(Ct)).ShouldBe(["recent"]);
    }

    private static OutboxMessage Row(string label, DateTimeOffset createdAt, DateTimeOffset? sentAt) => new()
    {
        Id = Guid.NewGuid(),
        MessageType = "unused",
        Body = "{}",
        CreatedAt = createdAt,
        NextAttemptAt = createdAt,
        SentAt = sentAt,
        LastError = label,
    };

    private static OutboxProcessor<MessagingTestContext> CreatePublisher(MessagingTestContext db, IPublishEndpoint broker, TimeProvider clock) =>
        new(db, broker, clock, Options.Create(new OutboxOptions { PublishTimeout = TimeSpan.FromSeconds(1) }), NullLogger<OutboxProcessor<MessagingTestContext>>.Instance);
}
