using Microsoft.EntityFrameworkCore;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.IntegrationTests.Messaging;

public sealed class MessagingTestContext(DbContextOptions<MessagingTestContext> options) : DbContext(options)
{
    public const string Schema = "msgtest";

    public DbSet<TestAccount> Accounts => Set<TestAccount>();

    public DbSet<AppliedEffect> Effects => Set<AppliedEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<TestAccount>().Property(a => a.Id).ValueGeneratedNever();
        modelBuilder.Entity<AppliedEffect>().Property(e => e.Id).ValueGeneratedNever();
        modelBuilder.AddOutboxAndInbox();
    }
}
