using Npgsql;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.UnitTests.ServiceDefaults;

public sealed class ServiceDatabaseTests
{
    [Fact]
    public void Context_connections_prepare_statements_skip_the_session_reset_and_turn_jit_off()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ServiceDatabase.ForContexts("Host=127.0.0.1;Database=tradenova;Username=tn"));

        tuned.MaxAutoPrepare.ShouldBe(100);
        tuned.NoResetOnClose.ShouldBeTrue();
        tuned.Options.ShouldBe("-c jit=off");
        (tuned.Host, tuned.Database, tuned.Username).ShouldBe(("127.0.0.1", "tradenova", "tn"));
    }

    [Fact]
    public void Settings_the_connection_string_makes_itself_are_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ServiceDatabase.ForContexts("Host=h;Max Auto Prepare=20;Options=-c statement_timeout=5000"));
        var explicitJit = new NpgsqlConnectionStringBuilder(ServiceDatabase.ForContexts("Host=h;Options=-c jit=on"));

        tuned.MaxAutoPrepare.ShouldBe(20);
        tuned.Options.ShouldBe("-c statement_timeout=5000 -c jit=off");
        explicitJit.Options.ShouldBe("-c jit=on");
    }

    [Fact]
    public void The_pool_cap_applies_unless_the_connection_string_sizes_the_pool_itself()
    {
        MaxPool("Host=h", 4).ShouldBe(4);
        MaxPool("Host=h", 0).ShouldBe(100);
        MaxPool("Host=h;Maximum Pool Size=12", 4).ShouldBe(12);
        MaxPool("Host=h;Minimum Pool Size=6", 4).ShouldBe(100); // a cap below the minimum would be rejected by Npgsql
        new ServiceDatabaseOptions().MaxPoolSize.ShouldBe(0);
    }

    private static int MaxPool(string connectionString, int cap) =>
        new NpgsqlConnectionStringBuilder(ServiceDatabase.ForContexts(connectionString, cap)).MaxPoolSize;
}
