using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Execution.Infrastructure;

public sealed class ExecutionDbContext(DbContextOptions<ExecutionDbContext> options) : DbContext(options)
{
    public const string Schema = "execution";

    public DbSet<TradingAccount> TradingAccounts => Set<TradingAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<TradingAccount>(account =>
        {
            account.HasKey(a => a.UserId);
            account.Property(a => a.UserId).ValueGeneratedNever();
            account.Property(a => a.Mode).HasMaxLength(16);
        });

        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseSnakeCaseNames();
    }
}
