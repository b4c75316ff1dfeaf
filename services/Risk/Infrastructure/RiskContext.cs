using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Risk.Infrastructure;

public sealed class RiskContext(DbContextOptions<RiskContext> options) : DbContext(options)
{
    public const string Schema = "risk";

    public DbSet<RiskProfile> RiskProfiles => Set<RiskProfile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<RiskProfile>(profile =>
        {
            profile.HasKey(p => p.UserId);
            profile.Property(p => p.UserId).ValueGeneratedNever();
            profile.Property(p => p.MaxPositionFraction).HasPrecision(7, 6);
            profile.Property(p => p.DailyLossFraction).HasPrecision(7, 6);
            profile.Property(p => p.MaxDrawdownFraction).HasPrecision(7, 6);
            profile.Property(p => p.StopLossFraction).HasPrecision(7, 6);
            profile.Property(p => p.TakeProfitFraction).HasPrecision(7, 6);
        });

        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseSnakeCaseNames();
    }
}
