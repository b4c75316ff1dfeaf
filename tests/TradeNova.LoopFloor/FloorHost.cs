using MassTransit;
using Npgsql;

namespace TradeNova.LoopFloor;

/// <summary>What every role's process shares: quiet logging, a health endpoint, the database and the bus.</summary>
public static class FloorHost
{
    /// <summary>The header the gateway sets from the validated token's subject (and strips from what clients send).</summary>
    public const string UserHeader = "X-Floor-User";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static void AddDatabase(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(FloorSchema.ConnectionString(AdminConnectionString)));

    /// <summary>The superuser connection of <c>./tradenova env --test</c>: the floor makes and owns its own database.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("TRADENOVA_TEST_PG_ADMIN") ?? throw new InvalidOperationException("TRADENOVA_TEST_PG_ADMIN is not set");

    /// <summary>MassTransit over RabbitMQ as the platform configures it (less its retry policy, which acts only on failures), queues named <c>floor-{role}-{consumer}</c>.</summary>
    public static void AddBus(this WebApplicationBuilder builder, string role, Action<IBusRegistrationConfigurator> configure)
    {
        var messaging = builder.Configuration.GetConnectionString("messaging")
                        ?? throw new InvalidOperationException("ConnectionStrings:messaging is not set");
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter($"floor-{role}", false));
            bus.DisableUsageTelemetry();
            configure(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(messaging), _ => { });
                rabbit.ConfigureEndpoints(context);
            });
        });
    }

    public static Guid? UserOf(HttpContext context) =>
        Guid.TryParse(context.Request.Headers[UserHeader], out var user) ? user : null;

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        return app;
    }
}
