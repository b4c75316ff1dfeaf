using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Billing.Infrastructure;

public sealed class BillingContext(DbContextOptions<BillingContext> options) : DbContext(options)
{
    public const string Schema = "billing";

    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<Customer>(customer =>
        {
            customer.HasKey(c => c.UserId);
            customer.Property(c => c.UserId).ValueGeneratedNever();
            customer.Property(c => c.Email).HasMaxLength(254);
            customer.Property(c => c.Status).HasMaxLength(32);
        });

        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseSnakeCaseNames();
    }
}
