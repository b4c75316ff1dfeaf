using Microsoft.Extensions.Logging;

namespace TradeNova.ServiceDefaults.Messaging.Inbox;

internal static partial class InboxLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} already applied by {Consumer}; skipped")]
    public static partial void Duplicate(ILogger logger, Guid messageId, string consumer);
}
