using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

public sealed class AlpacaOrderLinkConfiguration : IEntityTypeConfiguration<AlpacaOrderLink>
{
    public void Configure(EntityTypeBuilder<AlpacaOrderLink> link)
    {
        link.ToTable("alpaca_order_links");
        link.HasKey(l => l.OrderId);
        link.Property(l => l.OrderId).ValueGeneratedNever();
        link.Property(l => l.ClientOrderId).HasMaxLength(64);
        link.Property(l => l.BrokerOrderId).HasMaxLength(64);
        link.Property(l => l.TakeProfitBrokerOrderId).HasMaxLength(64);
        link.Property(l => l.StopLossBrokerOrderId).HasMaxLength(64);
        link.Property(l => l.Discrepancy).HasMaxLength(32);
        link.HasIndex(l => l.ClientOrderId).IsUnique();
        link.HasIndex(l => l.BrokerOrderId).HasFilter("broker_order_id IS NOT NULL");
        link.HasIndex(l => l.TakeProfitBrokerOrderId).HasFilter("take_profit_broker_order_id IS NOT NULL");
        link.HasIndex(l => l.StopLossBrokerOrderId).HasFilter("stop_loss_broker_order_id IS NOT NULL");
        link.HasOne<Order>().WithOne().HasForeignKey<AlpacaOrderLink>(l => l.OrderId);
    }
}
