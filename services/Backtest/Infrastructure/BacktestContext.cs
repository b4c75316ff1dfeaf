using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Backtest.Infrastructure;

public sealed class BacktestContext(DbContextOptions<BacktestContext> options) : DbContext(options)
{
    public const string Schema = "backtest";

    public DbSet<BacktestQuota> Quotas => Set<BacktestQuota>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<BacktestQuota>(quota =>
        {
            quota.ToTable("quotas");
            quota.HasKey(q => q.UserId);
            quota.Property(q => q.UserId).ValueGeneratedNever();
        });

        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseSnakeCaseNames();
    }
}
