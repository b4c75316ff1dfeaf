using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.IntegrationTests.Messaging;

/// <summary>
/// The inbox's single-command path (<c>InboxConsumer.SingleCommand</c>) against real PostgreSQL and RabbitMQ: the inbox
/// row and the handler's command as one batch, applied once, all or nothing. Its own database and vhost (fixture).
/// </summary>
public sealed class InboxSingleCommandTests(MessagingFixture fixture) : IClassFixture<MessagingFixture>
{
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Single_command_messages_are_applied_once_with_their_inbox_row_and_a_failed_one_keeps_neither()
    {
        await using var host = fixture.CreateHost();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var twice = Guid.NewGuid();
        var twiceId = Guid.NewGuid();
        var redelivered = Guid.NewGuid();
        var redeliveredId = Guid.NewGuid();
        var poisoned = Guid.NewGuid();
        var poisonedId = Guid.NewGuid();

        // Two copies in flight at once (the second inbox insert waits for the first batch, then fails on the key), one
        // copy after the first committed, and one whose command fails after writing its effect row.
        await Task.WhenAll(
            bus.Publish(new TestAccountRenamed(twice, "twice"), context => context.MessageId = twiceId, Ct),
            bus.Publish(new TestAccountRenamed(twice, "twice"), context => context.MessageId = twiceId, Ct));
        await bus.Publish(new TestAccountRenamed(redelivered, "first"), context => context.MessageId = redeliveredId, Ct);
        await Poll.UntilAsync(() => Task.FromResult(host.Deliveries.MessageIdsFor(redelivered).Count == 1), Eventually, "first copy consumed");
        await bus.Publish(new TestAccountRenamed(redelivered, "again"), context => context.MessageId = redeliveredId, Ct);
        await bus.Publish(new TestAccountRenamed(poisoned, "poison"), context => context.MessageId = poisonedId, Ct);

        await Poll.UntilAsync(() => Task.FromResult(host.Deliveries.MessageIdsFor(twice).Count == 2), Eventually, "both concurrent copies consumed");
        await Poll.UntilAsync(() => Task.FromResult(host.Deliveries.MessageIdsFor(redelivered).Count == 2), Eventually, "redelivery consumed");
        await Poll.UntilAsync(() => Task.FromResult(host.Deliveries.FaultsFor(poisoned) >= 1), Eventually, "poisoned command failed");
        await using var db = fixture.CreateContext();
        (await db.Effects.CountAsync(e => e.AccountId == twice, Ct)).ShouldBe(1);
        (await db.Effects.CountAsync(e => e.AccountId == redelivered, Ct)).ShouldBe(1);
        (await db.Set<InboxMessage>().CountAsync(m => m.MessageId == twiceId || m.MessageId == redeliveredId, Ct)).ShouldBe(2);
        (await db.Effects.CountAsync(e => e.AccountId == poisoned, Ct)).ShouldBe(0);
        (await db.Set<InboxMessage>().CountAsync(m => m.MessageId == poisonedId, Ct)).ShouldBe(0);
    }
}
