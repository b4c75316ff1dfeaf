using Npgsql;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class AuditLogTests(IdentityFixture identity)
{
    [Fact]
    public async Task Register_and_login_success_and_failure_are_recorded_in_the_audit_log()
    {
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("audit");
        await client.LoginAsync(account);
        (await client.LoginAsync(account.Email, "Wr0ng-password-entirely")).Dispose();
        var unknownEmail = NewEmail("audit-unknown");
        (await client.LoginAsync(unknownEmail, account.Password)).Dispose();

        var entries = await identity.Database.AuditEntriesAsync(account.UserId, account.Email);
        var unknown = await identity.Database.AuditEntriesAsync(userId: null, unknownEmail);

        entries.Select(entry => (entry.Action, entry.UserId)).ShouldBe(
        [
            ("user.registered", account.UserId),
            ("login.succeeded", account.UserId),
            ("login.failed", account.UserId),
        ]);
        entries[0].Email.ShouldBe(account.Email);
        unknown.Select(entry => (entry.Action, entry.UserId, entry.Email)).ShouldBe([("login.failed", (Guid?)null, unknownEmail)]);
    }

    [Theory]
    [InlineData("UPDATE identity.audit_log SET detail = 'rewritten' WHERE user_id = @userId")]
    [InlineData("DELETE FROM identity.audit_log WHERE user_id = @userId")]
    [InlineData("TRUNCATE identity.audit_log")]
    public async Task Audit_log_refuses_to_be_rewritten_even_by_the_identity_role(string sql)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = identity.CreateClient();
        var account = await client.NewAccountAsync("append-only");
        var before = await identity.Database.AuditEntriesAsync(account.UserId, account.Email);

        await using var connection = await identity.Database.OpenAsIdentityRoleAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("userId", account.UserId);
        var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(ct));

        refused.SqlState.ShouldBe(PostgresErrorCodes.RaiseException);
        refused.MessageText.ShouldContain("append-only");
        (await identity.Database.AuditEntriesAsync(account.UserId, account.Email)).ShouldBe(before);
    }
}
