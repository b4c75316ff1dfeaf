using Npgsql;

namespace TradeNova.IntegrationTests.Platform;

/// <summary>An admin user on the running platform: registered like anyone, promoted in Identity's table, logged in again.</summary>
public static class PlatformAdmin
{
    public static async Task<PlatformUser> NewAdminAsync(this PlatformFixture platform, HttpClient gateway)
    {
        var user = await gateway.NewUserAsync();
        await using (var connection = new NpgsqlConnection(platform.Infrastructure.Database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("UPDATE identity.users SET role = 'admin' WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", user.UserId);
            (await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        }

        return user with { AccessToken = await gateway.LoginAsync(user.Email, user.Password) };
    }
}
