using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Risk.Infrastructure;

public sealed class RiskContext(DbContextOptions<RiskContext> options) : DbContext(options)
{
    public const string Schema = "risk";

    public DbSet<RiskProfile> RiskProfiles => Set<RiskProfile>();

    public DbSet<RiskAccount> Accounts => Set<RiskAccount>();

    public DbSet<RiskPosition> Positions => Set<RiskPosition>();

    public DbSet<RiskLimitVersion> LimitVersions => Set<RiskLimitVersion>();

    public DbSet<RiskAuditEntry> Audit => Set<RiskAuditEntry>();

    public DbSet<PlatformHalt> PlatformHalts => Set<PlatformHalt>();

    public DbSet<KnownSymbol> Symbols => Set<KnownSymbol>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<RiskProfile>(profile =>
        {
            profile.HasKey(p => p.UserId);
            profile.Property(p => p.UserId).ValueGeneratedNever();
            profile.Property(p => p.MaxPositionFraction).HasPrecision(7, 6);
            profile.Property(p => p.DailyLossFraction).HasPrecision(7, 6);
            profile.Property(p => p.MaxDrawdownFraction).HasPrecision(7, 6);
            profile.Property(p => p.StopLossFraction).HasPrecision(7, 6);
            profile.Property(p => p.TakeProfitFraction).HasPrecision(7, 6);
            profile.Property(p => p.Version).HasDefaultValue(1);
        });

        modelBuilder.Entity<RiskAccount>(account =>
        {
            account.ToTable("accounts");
            account.HasKey(a => new { a.UserId, a.Account });
            account.Property(a => a.UserId).ValueGeneratedNever();
            // Rows from before accounts existed are the paper account.
            account.Property(a => a.Account).HasMaxLength(8).HasDefaultValue(RiskAccounts.Paper);
            account.Property(a => a.Cash).HasPrecision(18, 2);
            account.Property(a => a.Equity).HasPrecision(18, 2);
            account.Property(a => a.StartOfDayEquity).HasPrecision(18, 2);
            account.Property(a => a.PeakEquity).HasPrecision(18, 2);
            account.Property(a => a.MonitorLastEquity).HasPrecision(18, 2);
            account.Property(a => a.MonitorStartOfDayEquity).HasPrecision(18, 2);
            account.Property(a => a.MonitorPeakEquity).HasPrecision(18, 2);
            account.Property(a => a.SubscriptionStatus).HasMaxLength(32);
            account.Property(a => a.AdminHaltReason).HasMaxLength(500);
        });

        modelBuilder.Entity<RiskPosition>(position =>
        {
            position.ToTable("positions");
            position.HasKey(p => new { p.UserId, p.Account, p.Symbol });
            position.Property(p => p.Account).HasMaxLength(8).HasDefaultValue(RiskAccounts.Paper);
            position.Property(p => p.Symbol).HasMaxLength(16);
            position.Property(p => p.Quantity).HasPrecision(18, 6);
            position.Property(p => p.AverageCost).HasPrecision(18, 6);
            position.Property(p => p.LastPrice).HasPrecision(18, 6);
        });

        modelBuilder.Entity<RiskLimitVersion>(version =>
        {
            version.ToTable("limit_versions");
            version.HasKey(v => v.Id);
            version.HasIndex(v => new { v.UserId, v.Version }).IsUnique();
            version.Property(v => v.MaxPositionFraction).HasPrecision(7, 6);
            version.Property(v => v.DailyLossFraction).HasPrecision(7, 6);
            version.Property(v => v.MaxDrawdownFraction).HasPrecision(7, 6);
            version.Property(v => v.StopLossFraction).HasPrecision(7, 6);
            version.Property(v => v.TakeProfitFraction).HasPrecision(7, 6);
            version.Property(v => v.ChangedByRole).HasMaxLength(32);
            version.Property(v => v.Reason).HasMaxLength(500);
        });

        modelBuilder.Entity<RiskAuditEntry>(audit =>
        {
            audit.ToTable("audit_log");
            audit.HasKey(a => a.Id);
            audit.HasIndex(a => new { a.SubjectUserId, a.At });
            audit.Property(a => a.ActorRole).HasMaxLength(32);
            audit.Property(a => a.Action).HasMaxLength(64);
            audit.Property(a => a.OldValue).HasColumnType("jsonb");
            audit.Property(a => a.NewValue).HasColumnType("jsonb");
            audit.Property(a => a.Reason).HasMaxLength(500);
        });

        modelBuilder.Entity<PlatformHalt>(halt =>
        {
            halt.ToTable("platform_halt");
            halt.HasKey(h => h.Id);
            halt.Property(h => h.Id).ValueGeneratedNever();
            halt.Property(h => h.Reason).HasMaxLength(500);
        });

        modelBuilder.Entity<KnownSymbol>(symbol =>
        {
            symbol.ToTable("symbols");
            symbol.HasKey(s => s.Symbol);
            symbol.Property(s => s.Symbol).HasMaxLength(16);
            symbol.Property(s => s.LastPrice).HasPrecision(18, 6);
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
