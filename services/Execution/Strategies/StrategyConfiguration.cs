using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradeNova.Execution.Strategies;

public sealed class StrategyRunConfiguration : IEntityTypeConfiguration<StrategyRun>
{
    public void Configure(EntityTypeBuilder<StrategyRun> run)
    {
        run.ToTable("strategy_runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).ValueGeneratedNever();
        run.Property(r => r.Name).HasMaxLength(60);
        run.Property(r => r.StrategyName).HasMaxLength(40);
        run.Property(r => r.Parameters).HasColumnType("text");
        run.Property(r => r.SizingMode).HasMaxLength(24);
        run.Property(r => r.SizingValue).HasPrecision(20, 6);
        run.Property(r => r.Allocation).HasPrecision(20, 2);
        run.Property(r => r.Account).HasMaxLength(8);
        run.Property(r => r.Status).HasMaxLength(16);
        run.Property(r => r.StopReason).HasMaxLength(24);
        run.Property(r => r.StopDetail).HasMaxLength(500);
        run.Property(r => r.IdempotencyKey).HasMaxLength(128);
        run.HasIndex(r => new { r.UserId, r.StartedAt });
        run.HasIndex(r => new { r.UserId, r.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        // The runner's way in: running runs whose lease lapsed (or that nobody took yet).
        run.HasIndex(r => r.LeaseExpiresAt).HasDatabaseName("ix_strategy_runs_running").HasFilter("status = 'running'");
    }
}

public sealed class StrategyStepConfiguration : IEntityTypeConfiguration<StrategyStep>
{
    public void Configure(EntityTypeBuilder<StrategyStep> step)
    {
        step.ToTable("strategy_steps");
        // One row per (run, bar): a second instance deciding the same bar fails here instead of sending its orders twice.
        step.HasKey(s => new { s.RunId, s.Time });
        step.Property(s => s.Record).HasColumnType("text");
        step.HasOne<StrategyRun>().WithMany().HasForeignKey(s => s.RunId);
    }
}

public sealed class StrategySignalConfiguration : IEntityTypeConfiguration<StrategySignal>
{
    public void Configure(EntityTypeBuilder<StrategySignal> signal)
    {
        signal.ToTable("strategy_signals");
        signal.HasKey(s => new { s.RunId, s.Time, s.Sequence });
        signal.Property(s => s.Symbol).HasMaxLength(16);
        signal.Property(s => s.Side).HasMaxLength(8);
        signal.Property(s => s.OrderType).HasMaxLength(16);
        signal.Property(s => s.IdempotencyKey).HasMaxLength(128);
        signal.Property(s => s.Status).HasMaxLength(16);
        signal.Property(s => s.Detail).HasMaxLength(500);
        foreach (var money in new[] { nameof(StrategySignal.Quantity), nameof(StrategySignal.LimitPrice), nameof(StrategySignal.StopPrice),
                     nameof(StrategySignal.StopLoss), nameof(StrategySignal.TakeProfit) })
        {
            signal.Property(money).HasPrecision(20, 6);
        }

        signal.HasOne<StrategyRun>().WithMany().HasForeignKey(s => s.RunId);
    }
}
