using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradeNova.Execution.Audit;

public sealed class ExecutionAuditEntryConfiguration : IEntityTypeConfiguration<ExecutionAuditEntry>
{
    public void Configure(EntityTypeBuilder<ExecutionAuditEntry> entry)
    {
        entry.ToTable("audit_log");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).UseIdentityAlwaysColumn();
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.Detail).HasMaxLength(1000);
        entry.Property(e => e.IpAddress).HasMaxLength(64);
        entry.HasIndex(e => new { e.UserId, e.At });
    }
}
