using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Execution.Infrastructure;

public sealed class ExecutionDbContext(DbContextOptions<ExecutionDbContext> options) : DbContext(options)
{
    public const string Schema = "execution";

    public DbSet<TradingAccount> TradingAccounts => Set<TradingAccount>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();

    public DbSet<OrderFill> OrderFills => Set<OrderFill>();

    public DbSet<ExecutedPosition> ExecutedPositions => Set<ExecutedPosition>();

    public DbSet<Credentials.BrokerConnection> BrokerConnections => Set<Credentials.BrokerConnection>();

    public DbSet<MarketShock> MarketShocks => Set<MarketShock>();

    public DbSet<Strategies.StrategyRun> StrategyRuns => Set<Strategies.StrategyRun>();

    public DbSet<Strategies.StrategyStep> StrategySteps => Set<Strategies.StrategyStep>();

    public DbSet<Strategies.StrategySignal> StrategySignals => Set<Strategies.StrategySignal>();

    public DbSet<Strategies.AccountEquity> AccountEquities => Set<Strategies.AccountEquity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<TradingAccount>(account =>
        {
            account.HasKey(a => a.UserId);
            account.Property(a => a.UserId).ValueGeneratedNever();
            account.Property(a => a.Mode).HasMaxLength(16);
        });

        modelBuilder.Entity<Order>(order =>
        {
            order.ToTable("orders");
            order.HasKey(o => o.Id);
            order.Property(o => o.Id).ValueGeneratedNever();
            order.Property(o => o.ClientOrderId).HasMaxLength(64);
            order.Property(o => o.IdempotencyKey).HasMaxLength(128);
            order.Property(o => o.RequestHash).HasMaxLength(64);
            order.Property(o => o.Symbol).HasMaxLength(16);
            order.Property(o => o.Side).HasMaxLength(8);
            order.Property(o => o.Type).HasMaxLength(16);
            order.Property(o => o.TimeInForce).HasMaxLength(8);
            order.Property(o => o.Status).HasMaxLength(24);
            order.Property(o => o.Reason).HasMaxLength(2000);
            order.Property(o => o.BracketLeg).HasMaxLength(16);
            order.Property(o => o.Mode).HasMaxLength(16);
            // text, not jsonb: a replay must return the first response byte for byte (jsonb reorders keys).
            order.Property(o => o.ResponseBody).HasColumnType("text");
            foreach (var money in new[] { nameof(Order.Quantity), nameof(Order.Notional), nameof(Order.LimitPrice), nameof(Order.StopPrice),
                         nameof(Order.RequestedStopLoss), nameof(Order.RequestedTakeProfit), nameof(Order.StopLossPrice),
                         nameof(Order.TakeProfitPrice), nameof(Order.FilledQuantity), nameof(Order.Fees) })
            {
                order.Property(money).HasPrecision(20, 6);
            }

            order.Property(o => o.FilledValue).HasPrecision(28, 10);
            order.PrimitiveCollection(o => o.ReasonCodes).Metadata.SetValueComparer(StringLists.Comparer);
            // PostgreSQL's xmin: a write that lost a race (the exchange filled the order meanwhile) fails instead of overwriting.
            order.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
            order.Ignore(o => o.AverageFillPrice);
            order.Ignore(o => o.RemainingQuantity);
            order.HasIndex(o => o.ClientOrderId).IsUnique();
            order.HasIndex(o => new { o.UserId, o.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
            order.HasIndex(o => new { o.UserId, o.CreatedAt });
            order.HasIndex(o => o.ParentOrderId).HasFilter("parent_order_id IS NOT NULL");
            order.HasIndex(o => new { o.StrategyRunId, o.CreatedAt }).HasFilter("strategy_run_id IS NOT NULL");
            // The paper exchange's ways in (PaperExchange.CandidatesSql): what trades at any price, and the resting
            // limits and stops of a symbol by price, so a pass reads only the orders the prices reach.
            order.HasIndex(o => o.AcceptedAt)
                .HasDatabaseName("ix_orders_paper_immediate")
                .HasFilter("status IN ('accepted', 'partially_filled') AND mode = 'paper' "
                           + "AND (type = 'market' OR time_in_force IN ('ioc', 'fok') OR (type = 'stop' AND stop_triggered))");
            order.HasIndex(o => new { o.Symbol, o.Side, o.LimitPrice })
                .HasDatabaseName("ix_orders_paper_resting_limit")
                .HasFilter("status IN ('accepted', 'partially_filled') AND mode = 'paper' AND limit_price IS NOT NULL");
            order.HasIndex(o => new { o.Symbol, o.Side, o.StopPrice })
                .HasDatabaseName("ix_orders_paper_resting_stop")
                .HasFilter("status IN ('accepted', 'partially_filled') AND mode = 'paper' AND stop_price IS NOT NULL AND NOT stop_triggered");
            // A fill's bracket legs (OrderLedger.AddToPositionAndLockLegsAsync): one user's open legs on a symbol, by side. Without it the
            // lookup intersected the user's whole order history with every working order of the symbol, which grows
            // with everyone's book.
            order.HasIndex(o => new { o.UserId, o.Symbol, o.Side })
                .HasDatabaseName("ix_orders_open_legs")
                .HasFilter("bracket_leg IS NOT NULL AND status IN ('accepted', 'partially_filled')");
            order.HasIndex(o => o.ExpiresAt)
                .HasDatabaseName("ix_orders_expiring")
                .HasFilter("expires_at IS NOT NULL AND status IN ('accepted', 'partially_filled')");
            order.HasIndex(o => o.RiskRequestedAt)
                .HasDatabaseName("ix_orders_pending_risk")
                .HasFilter("status = 'pending_risk'");
            // The sweeps that (re)submit accepted orders no broker has acknowledged (OrderRecoverySweep, the live submitter):
            // without it each sweep scanned the whole order history.
            order.HasIndex(o => o.AcceptedAt, "ix_orders_unsubmitted")
                .HasDatabaseName("ix_orders_unsubmitted")
                .HasFilter("status IN ('accepted', 'partially_filled') AND submitted_at IS NULL");
            // Live orders only (WatchedLiveOrders, reconciliation): a small slice of the book, read per user.
            order.HasIndex(o => new { o.UserId, o.UpdatedAt }, "ix_orders_live")
                .HasDatabaseName("ix_orders_live")
                .HasFilter("mode = 'live'");
        });

        modelBuilder.Entity<OrderEvent>(orderEvent =>
        {
            orderEvent.ToTable("order_events");
            orderEvent.HasKey(e => e.Id);
            orderEvent.Property(e => e.Id).UseIdentityAlwaysColumn();
            orderEvent.Property(e => e.FromStatus).HasMaxLength(24);
            orderEvent.Property(e => e.ToStatus).HasMaxLength(24);
            orderEvent.Property(e => e.Reason).HasMaxLength(2000);
            orderEvent.Property(e => e.FilledQuantity).HasPrecision(20, 6);
            orderEvent.HasIndex(e => new { e.OrderId, e.Id });
            orderEvent.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId);
        });

        modelBuilder.Entity<OrderFill>(fill =>
        {
            fill.ToTable("order_fills");
            fill.HasKey(f => f.Id);
            fill.Property(f => f.Id).ValueGeneratedNever();
            fill.Property(f => f.Symbol).HasMaxLength(16);
            fill.Property(f => f.Side).HasMaxLength(8);
            fill.Property(f => f.Quantity).HasPrecision(20, 6);
            fill.Property(f => f.Price).HasPrecision(20, 6);
            fill.Property(f => f.Fee).HasPrecision(20, 6);
            fill.HasIndex(f => new { f.OrderId, f.Sequence }).IsUnique();
            fill.HasIndex(f => new { f.UserId, f.FilledAt });
            fill.HasOne<Order>().WithMany().HasForeignKey(f => f.OrderId);
        });

        modelBuilder.Entity<ExecutedPosition>(position =>
        {
            position.ToTable("executed_positions");
            position.HasKey(p => new { p.UserId, p.Symbol });
            position.Property(p => p.Symbol).HasMaxLength(16);
            position.Property(p => p.Quantity).HasPrecision(20, 6);
        });

        modelBuilder.ApplyConfiguration(new Credentials.BrokerConnectionConfiguration());
        modelBuilder.ApplyConfiguration(new Brokers.Alpaca.Live.AlpacaOrderLinkConfiguration());
        modelBuilder.ApplyConfiguration(new Audit.ExecutionAuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new Strategies.StrategyRunConfiguration());
        modelBuilder.ApplyConfiguration(new Strategies.StrategyStepConfiguration());
        modelBuilder.ApplyConfiguration(new Strategies.StrategySignalConfiguration());
        modelBuilder.Entity<Strategies.AccountEquity>(equity =>
        {
            equity.ToTable("account_equities");
            equity.HasKey(a => new { a.UserId, a.Mode });
            equity.Property(a => a.Mode).HasMaxLength(8);
            equity.Property(a => a.Equity).HasPrecision(20, 2);
        });
        modelBuilder.Entity<MarketShock>(shock =>
        {
            shock.ToTable("market_shocks");
            shock.HasKey(s => s.Id);
            shock.Property(s => s.Id).UseIdentityAlwaysColumn();
            shock.Property(s => s.Symbol).HasMaxLength(16);
            shock.Property(s => s.Factor).HasPrecision(20, 10);
            shock.Property(s => s.ChangePercent).HasPrecision(20, 6);
            shock.Property(s => s.Reason).HasMaxLength(500);
            shock.HasIndex(s => new { s.Symbol, s.EffectiveAt });
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
