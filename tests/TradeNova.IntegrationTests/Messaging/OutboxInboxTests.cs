using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.ServiceDefaults.Messaging.Inbox;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.IntegrationTests.Messaging;

/// <summary>
/// The transactional outbox and inbox against real PostgreSQL and RabbitMQ: nothing is lost, nothing is applied twice.
/// The tests share one queue, so they run one at a time within this class and tell their messages apart by account id.
/// </summary>
public sealed class OutboxInboxTests(MessagingFixture fixture) : IClassFixture<MessagingFixture>
{
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task State_change_and_its_outbox_row_commit_together()
    {
        await using var host = fixture.CreateHost();
        var accountId = Guid.NewGuid();

        await OpenAccountAsync(host, accountId, "together");

        await using var db = fixture.CreateContext();
        (await db.Accounts.AnyAsync(a => a.Id == accountId, Ct)).ShouldBeTrue();
        var row = (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync(Ct))
            .Single(m => m.Body.Contains(accountId.ToString(), StringComparison.Ordinal));
        row.MessageType.ShouldStartWith(typeof(TestAccountOpened).FullName!);
        row.SentAt.ShouldBeNull();
        row.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task Rolled_back_or_abandoned_transaction_leaves_no_state_and_publishes_nothing()
    {
        // The relay would only take rows after an hour: whatever is published here is the dispatcher's doing.
        await using var host = fixture.CreateHost(dispatchGrace: TimeSpan.FromHours(1));
        await host.StartAsync();
        var rolledBack = Guid.NewGuid();
        var abandoned = Guid.NewGuid();
        var committed = Guid.NewGuid();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                db.Accounts.Add(new TestAccount { Id = rolledBack, Name = "rolled back" });
                outbox.Add(new TestAccountOpened(rolledBack, "rolled back"));
                await db.SaveChangesAsync(Ct);
                await transaction.RollbackAsync(Ct);
            }

            await using (await db.Database.BeginTransactionAsync(Ct))
            {
                db.Accounts.Add(new TestAccount { Id = abandoned, Name = "abandoned" });
                outbox.Add(new TestAccountOpened(abandoned, "abandoned"));
                await db.SaveChangesAsync(Ct);
            } // disposed without a commit

            // The same context commits a later transaction: only its own rows go out.
            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                db.Accounts.Add(new TestAccount { Id = committed, Name = "committed after" });
                outbox.Add(new TestAccountOpened(committed, "committed after"));
                await db.SaveChangesAsync(Ct);
                await transaction.CommitAsync(Ct);
            }
        }

        await Poll.UntilAsync(() => Task.FromResult(host.Deliveries.MessageIdsFor(committed).Count == 1), Eventually, "committed event delivered");
        await Poll.UntilAsync(() => FindRowAsync(committed), r => r?.SentAt is not null, Eventually, "committed row marked sent");

        host.Deliveries.MessageIdsFor(rolledBack).ShouldBeEmpty();
        host.Deliveries.MessageIdsFor(abandoned).ShouldBeEmpty();
        await using var check = fixture.CreateContext();
        (await check.Accounts.AnyAsync(a => a.Id == rolledBack || a.Id == abandoned, Ct)).ShouldBeFalse();
        (await check.Set<OutboxMessage>().AsNoTracking().ToListAsync(Ct)).ShouldNotContain(m =>
            m.Body.Contains(rolledBack.ToString(), StringComparison.Ordinal) || m.Body.Contains(abandoned.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notification_goes_out_once_its_transaction_commits_and_leaves_no_row()
    {
        await using var host = fixture.CreateHost(dispatchGrace: TimeSpan.FromHours(1));
        await host.StartAsync();
        var rolledBack = Guid.NewGuid();
        var committed = Guid.NewGuid();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                db.Accounts.Add(new TestAccount { Id = rolledBack, Name = "notified, rolled back" });
                outbox.Notify(new TestAccountOpened(rolledBack, "notified, rolled back"));
                await db.SaveChangesAsync(Ct);
                await transaction.RollbackAsync(Ct);
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                db.Accounts.Add(new TestAccount { Id = committed, Name = "notified" });
                outbox.Notify(new TestAccountOpened(committed, "notified"));
                await db.SaveChangesAsync(Ct);
                host.Deliveries.MessageIdsFor(committed).ShouldBeEmpty(); // saved, not yet committed
                await transaction.CommitAsync(Ct);
            }
        }

        await Poll.UntilAsync(() => Task.FromResult(host.Deliveries.MessageIdsFor(committed).Count == 1), Eventually, "notification delivered");
        host.Deliveries.MessageIdsFor(rolledBack).ShouldBeEmpty();
        (await FindRowAsync(committed)).ShouldBeNull();
        (await FindRowAsync(rolledBack)).ShouldBeNull();
    }

    [Fact]
    public async Task Committed_event_is_published_at_commit_with_the_row_id_as_message_id_and_marked_sent()
    {
        // The relay would only take the row after an hour: this is the dispatcher, at commit.
        await using var host = fixture.CreateHost(dispatchGrace: TimeSpan.FromHours(1));
        await host.StartAsync();
        var accountId = Guid.NewGuid();

        await OpenAccountAsync(host, accountId, "relayed");

        var delivered = await Poll.UntilAsync(
            () => Task.FromResult(host.Deliveries.MessageIdsFor(accountId)), ids => ids.Count == 1, Eventually, "event delivered");
        var row = await Poll.UntilAsync(() => FindRowAsync(accountId), r => r?.SentAt is not null, Eventually, "row marked sent");
        delivered.Single().ShouldBe(row!.Id);
        await using var db = fixture.CreateContext();
        (await db.Effects.CountAsync(e => e.AccountId == accountId, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Row_stranded_by_a_crashed_relay_is_published_when_a_relay_runs_again()
    {
        var accountId = Guid.NewGuid();
        var probe = Guid.NewGuid();
        await using (var crashed = fixture.CreateHost())
        {
            // Committed while neither dispatcher nor relay is running, as after a crash between commit and publish.
            await OpenAccountAsync(crashed, accountId, "stranded");
            await OpenAccountAsync(crashed, probe, "stranded behind the locked row");
        }

        var row = await FindRowAsync(accountId);
        row.ShouldNotBeNull();
        row.SentAt.ShouldBeNull();

        // A relay that died mid-publish still holds the row lock; the new relay must skip it, not block on it.
        var locker = new NpgsqlConnection(fixture.ConnectionString);
        await locker.OpenAsync(Ct);
        var lockTransaction = await locker.BeginTransactionAsync(Ct);
        await using (var claim = new NpgsqlCommand($"SELECT id FROM {MessagingTestContext.Schema}.outbox_messages WHERE id = @id FOR UPDATE", locker, lockTransaction))
        {
            claim.Parameters.AddWithValue("id", row.Id);
            await claim.ExecuteScalarAsync(Ct);
        }

        await using var restarted = fixture.CreateHost();
        await restarted.StartAsync();
        await Poll.UntilAsync(() => Task.FromResult(restarted.Deliveries.MessageIdsFor(probe).Count == 1), Eventually, "relay not blocked by the locked row");
        restarted.Deliveries.MessageIdsFor(accountId).ShouldBeEmpty();

        await locker.DisposeAsync(); // the crashed relay's connection goes away; its lock with it

        await Poll.UntilAsync(() => Task.FromResult(restarted.Deliveries.MessageIdsFor(accountId).Count == 1), Eventually, "stranded row delivered");
        (await Poll.UntilAsync(() => FindRowAsync(accountId), r => r?.SentAt is not null, Eventually, "stranded row marked sent"))!
            .Id.ShouldBe(row.Id);
    }

    [Fact]
    public async Task A_burst_is_published_each_row_once_and_a_row_that_cannot_be_published_fails_alone()
    {
        await using var host = fixture.CreateHost();
        var burst = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            foreach (var id in burst)
            {
                db.Accounts.Add(new TestAccount { Id = id, Name = "burst" });
                outbox.Add(new TestAccountOpened(id, "burst"));
            }

            await db.SaveChangesAsync(Ct);
        }

        // Staged under a message type that no longer exists (renamed since): its publish fails, the batch's others not.
        var poisoned = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(fixture.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {MessagingTestContext.Schema}.outbox_messages (id, message_type, body, created_at, attempts, next_attempt_at) " +
                "VALUES (@id, 'TradeNova.Gone.Renamed, TradeNova.Gone', '{}'::jsonb, now(), 0, now())", connection);
            insert.Parameters.AddWithValue("id", poisoned);
            await insert.ExecuteNonQueryAsync(Ct);
        }

        await host.StartAsync();
        foreach (var id in burst)
        {
            await Poll.UntilAsync(() => Task.FromResult(host.Deliveries.MessageIdsFor(id).Count == 1), Eventually, $"burst event {id} delivered");
        }

        await using var check = fixture.CreateContext();
        var rows = await Poll.UntilAsync(
            async () => (await check.Set<OutboxMessage>().AsNoTracking().ToListAsync(Ct))
                .Where(m => m.Id == poisoned || burst.Any(id => m.Body.Contains(id.ToString(), StringComparison.Ordinal))).ToList(),
            found => found.Count(r => r.SentAt is not null) == burst.Count && found.Any(r => r.Id == poisoned && r.Attempts > 0),
            Eventually, "burst marked sent and the poisoned row's failure recorded");
        foreach (var id in burst)
        {
            host.Deliveries.MessageIdsFor(id).Single().ShouldBe(rows.Single(r => r.Body.Contains(id.ToString(), StringComparison.Ordinal)).Id);
        }

        var failed = rows.Single(r => r.Id == poisoned);
        failed.SentAt.ShouldBeNull();
        failed.LastError.ShouldNotBeNullOrWhiteSpace();
        await check.Set<OutboxMessage>().Where(m => m.Id == poisoned).ExecuteDeleteAsync(Ct);
    }

    [Fact]
    public async Task Message_delivered_twice_with_the_same_id_is_applied_once()
    {
        await using var host = fixture.CreateHost();
        await host.StartAsync();
        var accountId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var bus = host.Services.GetRequiredService<IBus>();

        // Both copies in flight at once: the second insert into the inbox waits for the first and then yields.
        await Task.WhenAll(
            bus.Publish(new TestAccountOpened(accountId, "twice"), context => context.MessageId = messageId, Ct),
            bus.Publish(new TestAccountOpened(accountId, "twice"), context => context.MessageId = messageId, Ct));

        await Poll.UntilAsync(() => Task.FromResult(host.Deliveries.MessageIdsFor(accountId).Count == 2), Eventually, "both copies consumed");
        await using var db = fixture.CreateContext();
        (await db.Effects.CountAsync(e => e.AccountId == accountId, Ct)).ShouldBe(1);
        (await db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Redelivery_after_the_first_copy_committed_is_a_no_op()
    {
        await using var host = fixture.CreateHost();
        await host.StartAsync();
        var accountId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(new TestAccountOpened(accountId, "first"), context => context.MessageId = messageId, Ct);
        await Poll.UntilAsync(() => Task.FromResult(host.Deliveries.MessageIdsFor(accountId).Count == 1), Eventually, "first copy consumed");
        await bus.Publish(new TestAccountOpened(accountId, "again"), context => context.MessageId = messageId, Ct);
        await Poll.UntilAsync(() => Task.FromResult(host.Deliveries.MessageIdsFor(accountId).Count == 2), Eventually, "second copy consumed");

        await using var db = fixture.CreateContext();
        (await db.Effects.CountAsync(e => e.AccountId == accountId, Ct)).ShouldBe(1);
    }

    private static async Task OpenAccountAsync(MessagingTestHost host, Guid accountId, string name)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingTestContext>();
        db.Accounts.Add(new TestAccount { Id = accountId, Name = name });
        scope.ServiceProvider.GetRequiredService<IOutbox>().Add(new TestAccountOpened(accountId, name));
        await db.SaveChangesAsync(Ct);
    }

    private async Task<OutboxMessage?> FindRowAsync(Guid accountId)
    {
        await using var db = fixture.CreateContext();
        var rows = await db.Set<OutboxMessage>().AsNoTracking().ToListAsync(Ct);
        return rows.SingleOrDefault(m => m.Body.Contains(accountId.ToString(), StringComparison.Ordinal));
    }
}
