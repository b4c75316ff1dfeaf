namespace TradeNova.Execution.Credentials;

public sealed class CredentialEncryptionUnavailableException(string message) : Exception(message);
