using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Billing.Infrastructure;

public sealed class BillingContext(DbContextOptions<BillingContext> options) : DbContext(options)
{
    public const string Schema = "billing";

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();

    public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<Subscription>(subscription =>
        {
            subscription.HasKey(s => s.UserId);
            subscription.Property(s => s.UserId).ValueGeneratedNever();
            subscription.Property(s => s.Email).HasMaxLength(254);
            subscription.Property(s => s.Plan).HasMaxLength(32);
            subscription.Property(s => s.Provider).HasMaxLength(16);
            subscription.Property(s => s.ExternalCustomerId).HasMaxLength(255);
            subscription.Property(s => s.ExternalSubscriptionId).HasMaxLength(255);
            subscription.Property(s => s.ProviderStatus).HasMaxLength(32);
            subscription.Property(s => s.Status).HasMaxLength(32);
            subscription.Property(s => s.RowVersion).IsRowVersion().HasColumnName("xmin");
            subscription.HasIndex(s => s.ExternalCustomerId);
            subscription.HasIndex(s => s.ExternalSubscriptionId);
            subscription.HasIndex(s => s.NextReviewAt).HasFilter("next_review_at IS NOT NULL");
        });

        modelBuilder.Entity<Invoice>(invoice =>
        {
            invoice.Property(i => i.Id).HasMaxLength(255);
            invoice.Property(i => i.Provider).HasMaxLength(16);
            invoice.Property(i => i.ExternalCustomerId).HasMaxLength(255);
            invoice.Property(i => i.ExternalSubscriptionId).HasMaxLength(255);
            invoice.Property(i => i.Status).HasMaxLength(32);
            invoice.Property(i => i.Currency).HasMaxLength(3);
            invoice.Property(i => i.HostedInvoiceUrl).HasMaxLength(2048);
            invoice.Property(i => i.AmountDue).HasPrecision(18, 2);
            invoice.Property(i => i.AmountPaid).HasPrecision(18, 2);
            invoice.HasIndex(i => new { i.UserId, i.CreatedAt });
            invoice.HasIndex(i => i.ExternalCustomerId);
        });

        modelBuilder.Entity<Payment>(payment =>
        {
            payment.Property(p => p.Id).HasMaxLength(255);
            payment.Property(p => p.InvoiceId).HasMaxLength(255);
            payment.Property(p => p.ExternalCustomerId).HasMaxLength(255);
            payment.Property(p => p.Status).HasMaxLength(32);
            payment.Property(p => p.Currency).HasMaxLength(3);
            payment.Property(p => p.Amount).HasPrecision(18, 2);
            payment.HasIndex(p => new { p.UserId, p.OccurredAt });
            payment.HasIndex(p => p.ExternalCustomerId);
        });

        modelBuilder.Entity<StripeEventRecord>(record =>
        {
            record.ToTable("stripe_events");
            record.HasKey(e => e.EventId);
            record.Property(e => e.EventId).HasMaxLength(255);
            record.Property(e => e.Type).HasMaxLength(128);
        });

        modelBuilder.Entity<AdminAuditEntry>(entry =>
        {
            entry.ToTable("admin_audit_log");
            entry.Property(e => e.Id).UseIdentityAlwaysColumn();
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.Reason).HasMaxLength(500);
            entry.Property(e => e.Detail).HasMaxLength(1000);
            entry.HasIndex(e => new { e.UserId, e.OccurredAt });
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
