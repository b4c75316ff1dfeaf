using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Portfolio.Infrastructure;

public sealed class PortfolioContext(DbContextOptions<PortfolioContext> options) : DbContext(options)
{
    public const string Schema = "portfolio";

    public DbSet<UserPortfolio> Portfolios => Set<UserPortfolio>();

    public DbSet<Position> Positions => Set<Position>();

    public DbSet<Fill> Fills => Set<Fill>();

    public DbSet<DailyEquitySnapshot> Snapshots => Set<DailyEquitySnapshot>();

    public DbSet<IntradayEquityPoint> IntradayPoints => Set<IntradayEquityPoint>();

    public DbSet<ReconciliationEntry> Reconciliations => Set<ReconciliationEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<UserPortfolio>(portfolio =>
        {
            portfolio.ToTable("portfolios");
            // Second guard behind the inbox: even two distinct messages for one user cannot open two portfolios of an account.
            portfolio.HasIndex(p => new { p.UserId, p.Mode }).IsUnique();
            portfolio.Property(p => p.BrokerAccountNumber).HasMaxLength(32);
            portfolio.Property(p => p.Mode).HasMaxLength(16);
            portfolio.Property(p => p.Currency).HasMaxLength(3);
            portfolio.Property(p => p.Cash).HasPrecision(18, 2);
            portfolio.Property(p => p.RealizedPnl).HasPrecision(18, 2);
            portfolio.Property(p => p.Fees).HasPrecision(18, 2);
            portfolio.Property(p => p.Equity).HasPrecision(18, 2);
            portfolio.Property(p => p.UnrealizedPnl).HasPrecision(18, 2);
            portfolio.Property(p => p.StartOfDayEquity).HasPrecision(18, 2);
            portfolio.Property(p => p.PeakEquity).HasPrecision(18, 2);
        });

        modelBuilder.Entity<Position>(position =>
        {
            position.ToTable("positions");
            position.HasKey(p => new { p.PortfolioId, p.Symbol });
            position.Property(p => p.Symbol).HasMaxLength(16);
            position.Property(p => p.Quantity).HasPrecision(18, 6);
            position.Property(p => p.AverageCost).HasPrecision(18, 6);
            position.Property(p => p.LastPrice).HasPrecision(18, 6);
            position.Property(p => p.RealizedPnl).HasPrecision(18, 2);
        });

        modelBuilder.Entity<Fill>(fill =>
        {
            fill.ToTable("fills");
            fill.HasKey(f => f.FillId);
            fill.Property(f => f.FillId).ValueGeneratedNever();
            fill.HasIndex(f => new { f.UserId, f.FilledAt });
            fill.HasIndex(f => new { f.UserId, f.Symbol, f.FilledAt });
            fill.HasIndex(f => new { f.PortfolioId, f.FilledAt });
            fill.Property(f => f.Symbol).HasMaxLength(16);
            fill.Property(f => f.Side).HasMaxLength(4);
            fill.Property(f => f.Quantity).HasPrecision(18, 6);
            fill.Property(f => f.Price).HasPrecision(18, 6);
            fill.Property(f => f.Fee).HasPrecision(18, 2);
            fill.Property(f => f.CashChange).HasPrecision(18, 2);
            fill.Property(f => f.RealizedPnl).HasPrecision(18, 2);
            fill.Property(f => f.ClosedQuantity).HasPrecision(18, 6);
            fill.Property(f => f.AverageCostBefore).HasPrecision(18, 6);
            fill.Property(f => f.PositionAfter).HasPrecision(18, 6);
            fill.Property(f => f.ClientOrderId).HasMaxLength(64);
        });

        modelBuilder.Entity<DailyEquitySnapshot>(snapshot =>
        {
            snapshot.ToTable("daily_equity");
            snapshot.HasKey(s => new { s.PortfolioId, s.Date });
            snapshot.Property(s => s.OpenEquity).HasPrecision(18, 2);
            snapshot.Property(s => s.HighEquity).HasPrecision(18, 2);
            snapshot.Property(s => s.LowEquity).HasPrecision(18, 2);
            snapshot.Property(s => s.CloseEquity).HasPrecision(18, 2);
            snapshot.Property(s => s.Cash).HasPrecision(18, 2);
            snapshot.Property(s => s.PeakEquity).HasPrecision(18, 2);
            snapshot.Property(s => s.Drawdown).HasPrecision(9, 6);
        });

        modelBuilder.Entity<IntradayEquityPoint>(point =>
        {
            point.ToTable("intraday_equity");
            point.HasKey(p => new { p.PortfolioId, p.At });
            point.Property(p => p.Equity).HasPrecision(18, 2);
            point.Property(p => p.Drawdown).HasPrecision(9, 6);
        });

        modelBuilder.Entity<ReconciliationEntry>(entry =>
        {
            entry.ToTable("reconciliations");
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => new { e.PortfolioId, e.CorrectedAt });
            entry.Property(e => e.Kind).HasMaxLength(16);
            entry.Property(e => e.Symbol).HasMaxLength(16);
            entry.Property(e => e.PortfolioValue).HasPrecision(18, 6);
            entry.Property(e => e.BrokerValue).HasPrecision(18, 6);
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
