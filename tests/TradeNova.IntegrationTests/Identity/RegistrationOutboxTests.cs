using System.Net;
using Npgsql;
using TradeNova.IntegrationTests.Infrastructure;
using static TradeNova.IntegrationTests.Identity.IdentityApiCalls;

namespace TradeNova.IntegrationTests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class RegistrationOutboxTests(IdentityFixture identity)
{
    [Fact]
    public async Task Register_writes_UserRegistered_for_the_new_user_to_the_outbox()
    {
        using var client = identity.CreateClient();

        var account = await client.NewAccountAsync("outbox");

        var row = (await identity.Database.OutboxRowsAsync(account.UserId, account.Email)).ShouldHaveSingleItem();
        row.MessageType.ShouldBe(IdentityDatabase.UserRegisteredType);
        row.Body.GetProperty("userId").GetGuid().ShouldBe(account.UserId);
        row.Body.GetProperty("email").GetString().ShouldBe(account.Email);
        row.Body.GetProperty("displayName").GetString().ShouldBe(account.DisplayName);
    }

    /// <summary>
    /// A competing transaction inserts the same address first and holds it uncommitted, so Identity passes its duplicate
    /// check, blocks on the unique index, then fails when the competitor commits. Had the outbox row been written in a
    /// transaction of its own, it would now announce a user that does not exist.
    /// </summary>
    [Fact]
    public async Task UserRegistered_is_not_written_when_the_user_row_fails_to_commit()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = identity.CreateClient();
        var email = NewEmail("race");
        await using var competitor = await identity.Database.OpenAsAdminAsync();
        await using var transaction = await competitor.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO identity.users (id, email, normalized_email, display_name, password_hash, role, plan, subscription_status, created_at) " +
            "VALUES (@id, @email, lower(@email), 'Competitor', 'not-a-hash', 'subscriber', 'standard', 'trialing', now())",
            competitor,
            transaction))
        {
            insert.Parameters.AddWithValue("id", Guid.NewGuid());
            insert.Parameters.AddWithValue("email", email);
            await insert.ExecuteNonQueryAsync(ct);
        }

        var registration = client.RegisterAsync(email, "Corr3ct-horse-battery", "Loser Of The Race");
        await Poll.UntilAsync(
            async () => await identity.Database.CountIdentityBackendsWaitingForLocksAsync() > 0,
            TimeSpan.FromSeconds(30),
            "Identity's insert waits on the competing transaction");
        await transaction.CommitAsync(ct);
        using var response = await registration;

        var problem = await ReadProblemAsync(response, HttpStatusCode.Conflict, "register that lost the race");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/email-taken");
        (await identity.Database.CountUsersAsync(email)).ShouldBe(1);
        (await identity.Database.OutboxRowsAsync(userId: null, email)).ShouldBeEmpty();
        (await identity.Database.AuditEntriesAsync(userId: null, email)).ShouldBeEmpty();
    }
}
