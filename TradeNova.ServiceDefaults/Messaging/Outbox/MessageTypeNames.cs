namespace TradeNova.ServiceDefaults.Messaging.Outbox;

/// <summary>Version-free type names, so a redeploy with a new assembly version still resolves staged rows.</summary>
internal static class MessageTypeNames
{
    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type? Resolve(string name) => Type.GetType(name, throwOnError: false);
}
