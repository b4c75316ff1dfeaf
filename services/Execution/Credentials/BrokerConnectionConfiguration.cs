using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TradeNova.Execution.Credentials;

public sealed class BrokerConnectionConfiguration : IEntityTypeConfiguration<BrokerConnection>
{
    public void Configure(EntityTypeBuilder<BrokerConnection> connection)
    {
        connection.ToTable("broker_connections");
        connection.HasKey(c => c.UserId);
        connection.Property(c => c.UserId).ValueGeneratedNever();
        connection.Property(c => c.Broker).HasMaxLength(16);
        connection.Property(c => c.Environment).HasMaxLength(8);
        connection.Property(c => c.MaskedKeyId).HasMaxLength(16);
        connection.Property(c => c.AccountNumber).HasMaxLength(64);
        connection.Property(c => c.AccountStatus).HasMaxLength(32);
        connection.Property(c => c.KeyEncryptionKeyId).HasMaxLength(64);
        // PostgreSQL's xmin: the rotation job re-sealing a row must not overwrite keys a user saved meanwhile.
        connection.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        // The rotation job finds rows sealed under a retired key by this index.
        connection.HasIndex(c => c.KeyEncryptionKeyId);
    }
}
