namespace TradeNova.Execution.Credentials;

public static class CredentialsExtensions
{
    public static IHostApplicationBuilder AddBrokerCredentials(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CredentialEncryptionOptions>().BindConfiguration("TradeNova:Execution:CredentialEncryption");
        builder.Services.AddSingleton<CredentialKeyRing>();
        builder.Services.AddScoped<BrokerCredentialStore>();
        builder.Services.AddScoped<Audit.ExecutionAuditLog>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<CredentialKeyRotation>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CredentialKeyRotation>());
        return builder;
    }
}
