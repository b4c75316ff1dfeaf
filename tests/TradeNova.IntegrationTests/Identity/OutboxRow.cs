using System.Text.Json;

namespace TradeNova.IntegrationTests.Identity;

/// <summary>One row of <c>identity.outbox_messages</c>.</summary>
public sealed record OutboxRow(Guid Id, string MessageType, JsonElement Body, DateTimeOffset CreatedAt);
