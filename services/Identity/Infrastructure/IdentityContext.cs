using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Identity.Infrastructure;

public sealed class IdentityContext(DbContextOptions<IdentityContext> options) : DbContext(options)
{
    public const string Schema = "identity";

    public DbSet<User> Users => Set<User>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    public DbSet<LoginThrottleEntry> LoginThrottles => Set<LoginThrottleEntry>();

    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();
    public DbSet<SubscriptionStamp> SubscriptionStamps => Set<SubscriptionStamp>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<User>(user =>
        {
            user.Property(u => u.Email).HasMaxLength(254);
            user.Property(u => u.NormalizedEmail).HasMaxLength(254);
            user.HasIndex(u => u.NormalizedEmail).IsUnique();
            user.Property(u => u.DisplayName).HasMaxLength(64);
            user.Property(u => u.PasswordHash).HasMaxLength(512);
            user.Property(u => u.Role).HasMaxLength(32);
            user.Property(u => u.Plan).HasMaxLength(32);
            user.Property(u => u.SubscriptionStatus).HasMaxLength(32);
            user.Property(u => u.SuspendedReason).HasMaxLength(500);
        });

        modelBuilder.Entity<RefreshToken>(token =>
        {
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.Property(t => t.ClientAddress).HasMaxLength(45);
            token.Property(t => t.UserAgent).HasMaxLength(RefreshToken.MaxUserAgentLength);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.FamilyId);
            token.HasIndex(t => t.UserId);
        });

        modelBuilder.Entity<SigningKey>(key =>
        {
            key.HasKey(k => k.Kid);
            key.Property(k => k.Kid).HasMaxLength(64);
            // At most one active key; two replicas rotating at once collide here instead of both signing.
            key.HasIndex(k => k.IsActive).IsUnique().HasFilter("is_active");
        });

        modelBuilder.Entity<AuditLogEntry>(entry =>
        {
            entry.ToTable("audit_log");
            entry.Property(e => e.Id).UseIdentityAlwaysColumn();
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.Email).HasMaxLength(254);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
            entry.Property(e => e.Detail).HasMaxLength(1000);
            entry.HasIndex(e => new { e.UserId, e.OccurredAt });
        });

        modelBuilder.Entity<PasswordReset>(reset =>
        {
            reset.ToTable("password_resets");
            reset.Property(r => r.TokenHash).HasMaxLength(64);
            reset.HasIndex(r => r.TokenHash).IsUnique();
            reset.HasIndex(r => r.UserId);
        });

        modelBuilder.Entity<LoginThrottleEntry>(entry =>
        {
            entry.ToTable("login_throttles");
            entry.HasKey(e => new { e.AccountKey, e.ClientAddress });
            entry.Property(e => e.AccountKey).HasMaxLength(64);
            entry.Property(e => e.ClientAddress).HasMaxLength(64);
            entry.HasIndex(e => e.LastFailedAt);
        });

        modelBuilder.Entity<SubscriptionStamp>(stamp =>
        {
            stamp.HasKey(s => s.UserId);
            stamp.Property(s => s.UserId).ValueGeneratedNever();
        });

        modelBuilder.AddOutboxAndInbox();
    }
}
