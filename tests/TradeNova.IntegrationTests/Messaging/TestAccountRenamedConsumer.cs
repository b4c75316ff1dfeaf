using System.Runtime.CompilerServices;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.IntegrationTests.Messaging;

/// <summary>
/// The single-command inbox path: one effect row per applied message, written by the command itself. For a name of
/// <c>poison</c> the command fails after writing its row, so a test can see that nothing of it (nor the inbox row) stays.
/// </summary>
public sealed class TestAccountRenamedConsumer(MessagingTestContext db) : InboxConsumer<MessagingTestContext, TestAccountRenamed>(db)
{
    protected override Task HandleAsync(ConsumeContext<TestAccountRenamed> context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The single command carries the whole effect.");

    protected override FormattableString SingleCommand(TestAccountRenamed message)
    {
        var effects = Db.Model.FindEntityType(typeof(AppliedEffect))!;
        var table = $"\"{effects.GetSchema()}\".\"{effects.GetTableName()}\"";
        var id = effects.FindProperty(nameof(AppliedEffect.Id))!.GetColumnName();
        var account = effects.FindProperty(nameof(AppliedEffect.AccountId))!.GetColumnName();
        var failure = message.Name == "poison" ? "SELECT 1 / 0;" : string.Empty;
        return FormattableStringFactory.Create(
            $"INSERT INTO {table} (\"{id}\", \"{account}\") VALUES ({{0}}, {{1}});\n{failure}", Guid.NewGuid(), message.AccountId);
    }
}
