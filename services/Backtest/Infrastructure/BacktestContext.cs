using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Backtest.Infrastructure;

public sealed class BacktestContext(DbContextOptions<BacktestContext> options) : DbContext(options)
{
    public const string Schema = "backtest";

    public DbSet<BacktestQuota> Quotas => Set<BacktestQuota>();

    public DbSet<BacktestJob> Jobs => Set<BacktestJob>();

    public DbSet<BacktestJobResult> Results => Set<BacktestJobResult>();

    public DbSet<UserDataSet> DataSets => Set<UserDataSet>();

    public DbSet<AlpacaBarSet> AlpacaBarSets => Set<AlpacaBarSet>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<BacktestQuota>(quota =>
        {
            quota.ToTable("quotas");
            quota.HasKey(q => q.UserId);
            quota.Property(q => q.UserId).ValueGeneratedNever();
        });

        modelBuilder.Entity<BacktestJob>(job =>
        {
            job.ToTable("jobs");
            job.HasKey(j => j.Id);
            job.Property(j => j.Id).ValueGeneratedNever();
            job.Property(j => j.Kind).HasMaxLength(32);
            job.Property(j => j.Name).HasMaxLength(100);
            job.Property(j => j.Status).HasMaxLength(16);
            job.Property(j => j.Request).HasColumnType("jsonb");
            job.Property(j => j.EngineVersion).HasMaxLength(200);
            job.HasIndex(j => new { j.UserId, j.CreatedAt });
            job.HasIndex(j => new { j.UserId, j.Status });
        });

        modelBuilder.Entity<BacktestJobResult>(result =>
        {
            result.ToTable("job_results");
            result.HasKey(r => r.BacktestId);
            // Stored and returned whole, never queried inside: json keeps the text as written (jsonb would re-parse a
            // megabyte on every insert and re-print it on every read), and lz4 compresses it several times faster than
            // the default pglz.
            result.Property(r => r.Payload).HasColumnType("json").UseCompressionMethod("lz4");
            result.Property(r => r.Trades).HasColumnType("json").UseCompressionMethod("lz4");
            result.Property(r => r.Equity).HasColumnType("json").UseCompressionMethod("lz4");
            result.HasOne<BacktestJob>().WithOne().HasForeignKey<BacktestJobResult>(r => r.BacktestId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserDataSet>(data =>
        {
            data.ToTable("user_data_sets");
            data.HasKey(d => d.Id);
            data.Property(d => d.Id).ValueGeneratedNever();
            data.Property(d => d.Symbol).HasMaxLength(32);
            data.Property(d => d.FileName).HasMaxLength(200);
            data.HasIndex(d => new { d.UserId, d.Symbol }).IsUnique();
        });

        modelBuilder.Entity<AlpacaBarSet>(set =>
        {
            set.ToTable("alpaca_bar_sets");
            set.HasKey(s => s.Id);
            set.Property(s => s.Id).ValueGeneratedNever();
            set.Property(s => s.Symbol).HasMaxLength(32);
            set.Property(s => s.Timeframe).HasMaxLength(16);
            // Read whole, never queried inside (as the job results): json keeps the text, lz4 compresses it quickly.
            set.Property(s => s.Bars).HasColumnType("json").UseCompressionMethod("lz4");
            set.HasIndex(s => new { s.UserId, s.Symbol, s.Timeframe, s.FirstDay, s.LastDay }).IsUnique();
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
