using Microsoft.EntityFrameworkCore;
using Npgsql;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.IntegrationTests.Data;

/// <summary>
/// <see cref="TrackedRows"/> against PostgreSQL: a row read with plain ADO.NET becomes the entity EF would have
/// materialised (every column type the services use, a value converter, nulls), tracked unchanged, so a save writes
/// only what the caller then changes.
/// </summary>
public sealed class TrackedRowsTests() : OwnDatabaseTests(Schema)
{
    private const string Schema = "rowstest";

    protected override DbContext CreateModelContext() => CreateContext();

    [Fact]
    public async Task A_row_read_in_a_batch_is_the_entity_EF_reads_and_saves_only_what_changes_after()
    {
        var full = new Holding
        {
            Id = Guid.NewGuid(), Symbol = "AAPL", Quantity = 12.345678m, Limit = 101.5m, At = new DateTimeOffset(2026, 12, 3, 9, 30, 0, 123, TimeSpan.Zero),
            ClosedAt = new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero), Day = new DateOnly(2026, 12, 3), Open = true,
            Tags = ["a", "b"], Grade = Grade.High, Count = 9_000_000_000L,
        };
        var sparse = new Holding { Id = Guid.NewGuid(), Symbol = "MSFT", At = full.At, Day = full.Day };
        await using (var seed = CreateContext())
        {
            seed.Holdings.AddRange(full, sparse);
            await seed.SaveChangesAsync(Ct);
        }

        await using var db = CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        List<Holding> attached = [];
        await using (var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
                     {
                         BatchCommands = { new NpgsqlBatchCommand($"SELECT * FROM {Schema}.holdings ORDER BY symbol") },
                     })
        await using (var reader = await batch.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                attached.Add(TrackedRows.Attach<Holding>(db, reader));
            }
        }

        await using (var reference = CreateContext())
        {
            var loaded = await reference.Holdings.AsNoTracking().OrderBy(h => h.Symbol).ToListAsync(Ct);
            attached.Select(Describe).ShouldBe(loaded.Select(Describe));
        }

        attached.ShouldAllBe(h => db.Entry(h).State == EntityState.Unchanged);
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.HasChanges().ShouldBeFalse();

        var aapl = attached[0];
        aapl.Quantity = 20m;
        db.Entry(aapl).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ShouldBe([nameof(Holding.Quantity)]);
        // Another writer changes a column this context did not touch: the save must not write it back.
        await using (var other = CreateContext())
        {
            await other.Holdings.Where(h => h.Id == full.Id).ExecuteUpdateAsync(u => u.SetProperty(h => h.Symbol, "AAPL.X"), Ct);
        }

        (await db.SaveChangesAsync(Ct)).ShouldBe(1);
        await using var check = CreateContext();
        var saved = await check.Holdings.AsNoTracking().SingleAsync(h => h.Id == full.Id, Ct);
        saved.Quantity.ShouldBe(20m);
        saved.Symbol.ShouldBe("AAPL.X");
        saved.Grade.ShouldBe(Grade.High);
    }

    [Fact]
    public async Task A_second_instance_of_a_tracked_key_is_refused()
    {
        var holding = new Holding { Id = Guid.NewGuid(), Symbol = "TSLA", At = DateTimeOffset.UtcNow, Day = new DateOnly(2026, 12, 3) };
        await using (var seed = CreateContext())
        {
            seed.Holdings.Add(holding);
            await seed.SaveChangesAsync(Ct);
        }

        await using var db = CreateContext();
        await db.Holdings.SingleAsync(h => h.Id == holding.Id, Ct);
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = new NpgsqlCommand($"SELECT * FROM {Schema}.holdings WHERE id = $1", (NpgsqlConnection)db.Database.GetDbConnection())
        {
            Parameters = { new NpgsqlParameter { Value = holding.Id } },
        };
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => TrackedRows.Attach<Holding>(db, reader));
    }

    private static string Describe(Holding h) =>
        $"{h.Id}|{h.Symbol}|{h.Quantity}|{h.Limit}|{h.At:O}|{h.ClosedAt:O}|{h.Day:O}|{h.Open}|{string.Join(',', h.Tags)}|{h.Grade}|{h.Count}";

    private RowsTestContext CreateContext() =>
        new(new DbContextOptionsBuilder<RowsTestContext>()
            .UseServiceNpgsql(ConnectionString, Schema)
            .Options);

    public enum Grade
    {
        Low,
        High,
    }

    public sealed class Holding
    {
        public Guid Id { get; init; }

        public required string Symbol { get; set; }

        public decimal Quantity { get; set; }

        public decimal? Limit { get; set; }

        public DateTimeOffset At { get; set; }

        public DateTimeOffset? ClosedAt { get; set; }

        public DateOnly Day { get; set; }

        public bool Open { get; set; }

        public List<string> Tags { get; set; } = [];

        public Grade Grade { get; set; }

        public long Count { get; set; }
    }

    private sealed class RowsTestContext(DbContextOptions<RowsTestContext> options) : DbContext(options)
    {
        public DbSet<Holding> Holdings => Set<Holding>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema(Schema);
            modelBuilder.Entity<Holding>(holding =>
            {
                holding.ToTable("holdings");
                holding.Property(h => h.Id).ValueGeneratedNever();
                holding.Property(h => h.Quantity).HasPrecision(18, 6);
                holding.Property(h => h.Limit).HasPrecision(18, 6);
                holding.Property(h => h.Grade).HasConversion<string>().HasMaxLength(8);
            });
        }
    }
}
