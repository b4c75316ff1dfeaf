using Microsoft.EntityFrameworkCore;
using TradeNova.ServiceDefaults.Messaging.Inbox;

namespace TradeNova.ServiceDefaults.Messaging.Outbox;

public static class OutboxModelBuilderExtensions
{
    /// <summary>Adds <c>outbox_messages</c> and <c>inbox_messages</c> to the context's default schema.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        // Column, key and index names come from the snake_case naming convention (UseServiceNpgsql).
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.Property(m => m.Id).ValueGeneratedNever();
            outbox.Property(m => m.MessageType).HasMaxLength(512);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            outbox.Property(m => m.TraceParent).HasMaxLength(128);
            outbox.HasIndex(m => new { m.NextAttemptAt, m.CreatedAt })
                .HasDatabaseName("ix_outbox_messages_unsent")
                .HasFilter("sent_at IS NULL");
            outbox.HasIndex(m => m.SentAt);
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(256);
            inbox.HasIndex(m => m.ProcessedAt);
        });
        return modelBuilder;
    }
}
