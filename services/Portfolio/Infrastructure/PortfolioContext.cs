using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Portfolio.Infrastructure;

public sealed class PortfolioContext(DbContextOptions<PortfolioContext> options) : DbContext(options)
{
    public const string Schema = "portfolio";

    public DbSet<UserPortfolio> Portfolios => Set<UserPortfolio>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<UserPortfolio>(portfolio =>
        {
            portfolio.ToTable("portfolios");
            // Second guard behind the inbox: even two distinct messages for one user cannot open two portfolios.
            portfolio.HasIndex(p => p.UserId).IsUnique();
            portfolio.Property(p => p.Mode).HasMaxLength(16);
            portfolio.Property(p => p.Currency).HasMaxLength(3);
            portfolio.Property(p => p.Cash).HasPrecision(18, 2);
        });

        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseSnakeCaseNames();
    }
}
