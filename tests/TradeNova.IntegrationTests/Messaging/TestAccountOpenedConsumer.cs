using MassTransit;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.IntegrationTests.Messaging;

/// <summary>Applies an effect row per handled message, so a test can count how often the handler really ran.</summary>
public sealed class TestAccountOpenedConsumer(MessagingTestContext db) : InboxConsumer<MessagingTestContext, TestAccountOpened>(db)
{
    protected override Task HandleAsync(ConsumeContext<TestAccountOpened> context, CancellationToken cancellationToken)
    {
        Db.Effects.Add(new AppliedEffect { Id = Guid.NewGuid(), AccountId = context.Message.AccountId });
        return Task.CompletedTask;
    }
}
