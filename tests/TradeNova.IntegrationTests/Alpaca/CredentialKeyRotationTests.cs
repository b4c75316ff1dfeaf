using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Credentials;
using TradeNova.Execution.Infrastructure;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>The credential store in-process on the database the fixture's Execution migrated.</summary>
[Collection(BrokerConnectionCollection.Name)]
public sealed class CredentialKeyRotationTests(BrokerConnectionFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotating_the_key_encryption_key_re_encrypts_and_the_old_key_can_then_be_removed()
    {
        // The rows the API tests stored are sealed under the fixture's key: it is the one being retired here.
        var oldKey = BrokerConnectionFixture.ActiveKey;
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new StaticOptionsMonitor<CredentialEncryptionOptions>(new CredentialEncryptionOptions
        {
            ActiveKeyId = BrokerConnectionFixture.ActiveKeyId, Keys = new() { [BrokerConnectionFixture.ActiveKeyId] = oldKey },
        });
        var userId = Guid.NewGuid();
        var credentials = new AlpacaCredentials("PKROTATE0000000001", "rotate-secret-0001", paper: false);
        await using (var db = NewContext())
        {
            await new BrokerCredentialStore(db, new CredentialKeyRing(options), new TradeNova.Execution.Audit.ExecutionAuditLog(db, TimeProvider.System, new Microsoft.AspNetCore.Http.HttpContextAccessor()), TimeProvider.System)
                .SaveAsync(userId, credentials, new AlpacaAccount { Id = "a-1", AccountNumber = "LIVE0001", Status = "ACTIVE" }, Ct);
        }

        var sealedBefore = await SealedAsync(userId);
        options.CurrentValue = new CredentialEncryptionOptions { ActiveKeyId = "new", Keys = new() { [BrokerConnectionFixture.ActiveKeyId] = oldKey, ["new"] = newKey } };
        int rotated;
        await using (var db = NewContext())
        {
            rotated = await new BrokerCredentialStore(db, new CredentialKeyRing(options), new TradeNova.Execution.Audit.ExecutionAuditLog(db, TimeProvider.System, new Microsoft.AspNetCore.Http.HttpContextAccessor()), TimeProvider.System).ReEncryptAsync(1000, Ct);
        }

        options.CurrentValue = new CredentialEncryptionOptions { ActiveKeyId = "new", Keys = new() { ["new"] = newKey } };
        await using (var db = NewContext())
        {
            var opened = await new BrokerCredentialStore(db, new CredentialKeyRing(options), new TradeNova.Execution.Audit.ExecutionAuditLog(db, TimeProvider.System, new Microsoft.AspNetCore.Http.HttpContextAccessor()), TimeProvider.System).LoadCredentialsAsync(userId, Ct);
            (opened!.KeyId, opened.SecretKey, opened.Paper).ShouldBe((credentials.KeyId, credentials.SecretKey, false));
        }

        rotated.ShouldBeGreaterThanOrEqualTo(1);
        (await SealedAsync(userId)).ShouldNotBe(sealedBefore);
    }

    private ExecutionDbContext NewContext() =>
        new(new DbContextOptionsBuilder<ExecutionDbContext>()
            .UseServiceNpgsql(fixture.Infrastructure.Database.ConnectionStringFor("execution"), ExecutionDbContext.Schema).Options);

    private async Task<byte[]> SealedAsync(Guid userId)
    {
        await using var db = NewContext();
        return await db.BrokerConnections.Where(c => c.UserId == userId).Select(c => c.SealedCredentials).SingleAsync(Ct);
    }
}
