using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.IntegrationTests.Data;

/// <summary>
/// A database of its own per test with two small tables (accounts with a row version, entries with an identity key and
/// store defaults), and contexts over it that save through <see cref="CachedStatementSave"/> or through EF alone.
/// </summary>
public abstract class CachedSaveTestBase() : OwnDatabaseTests(Schema)
{
    private const string Schema = "cachedsave";

    protected override DbContext CreateModelContext() => CreateContext(cached: false);

    protected async Task<Account> SeededAccountAsync(string name)
    {
        var account = NewAccount(name);
        await using var seed = CreateContext(cached: true);
        seed.Accounts.Add(account);
        await seed.SaveChangesAsync(Ct);
        return account;
    }

    protected static Account NewAccount(string name, string? code = null, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Code = code ?? Guid.NewGuid().ToString("N")[..12],
        Name = $"{name}-{Guid.NewGuid():N}",
        Balance = 10_000m,
        Tags = ["a", "b"],
        Grade = Grade.High,
        OpenedAt = new DateTimeOffset(2026, 12, 3, 9, 30, 0, 123, TimeSpan.Zero),
    };

    protected async Task<uint> XminAsync(Guid id)
    {
        await using var db = CreateContext(cached: false);
        return await db.Accounts.Where(a => a.Id == id).Select(a => EF.Property<uint>(a, "xmin")).SingleAsync(Ct);
    }

    protected CacheTestContext CreateContext(bool cached, TransactionRecorder? recorder = null)
    {
        var options = new DbContextOptionsBuilder<CacheTestContext>()
            .UseServiceNpgsql(ConnectionString, Schema);
        if (cached)
        {
            options.AddInterceptors(new CachedStatementSaveInterceptor());
        }

        if (recorder is not null)
        {
            options.AddInterceptors(recorder);
        }

        return new CacheTestContext(options.Options);
    }

    /// <summary>What EF tells transaction interceptors (the outbox's hand-off is one).</summary>
    protected sealed class TransactionRecorder : DbTransactionInterceptor
    {
        public int Committing { get; private set; }

        public List<Guid> Committed { get; } = [];

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Committing++;
            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Committed.Add(eventData.TransactionId);
            return Task.CompletedTask;
        }
    }

    public enum Grade
    {
        Low,
        High,
    }

    public sealed class Account
    {
        public Guid Id { get; init; }

        public required string Code { get; init; }

        public required string Name { get; set; }

        public decimal Balance { get; set; }

        public List<string> Tags { get; set; } = [];

        public Grade Grade { get; set; }

        public DateTimeOffset OpenedAt { get; init; }

        public DateTimeOffset? ClosedAt { get; set; }
    }

    public sealed class Entry
    {
        public long Id { get; init; }

        public Guid AccountId { get; init; }

        public string? Note { get; init; }

        public decimal Amount { get; init; }

        public bool Posted { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    protected sealed class CacheTestContext(DbContextOptions<CacheTestContext> options) : DbContext(options)
    {
        public DbSet<Account> Accounts => Set<Account>();

        public DbSet<Entry> Entries => Set<Entry>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema(Schema);
            modelBuilder.Entity<Account>(account =>
            {
                account.ToTable("accounts");
                account.Property(a => a.Id).ValueGeneratedNever();
                account.HasIndex(a => a.Code).IsUnique();
                account.Property(a => a.Balance).HasPrecision(20, 6);
                account.Property(a => a.Grade).HasConversion<string>().HasMaxLength(8);
                account.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
            });
            modelBuilder.Entity<Entry>(entry =>
            {
                entry.ToTable("entries");
                entry.Property(e => e.Id).UseIdentityAlwaysColumn();
                entry.Property(e => e.Amount).HasPrecision(20, 6);
                entry.Property(e => e.Posted).HasDefaultValue(true);
                entry.Property(e => e.CreatedAt).HasDefaultValueSql("now()");
                entry.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId);
            });
        }
    }
}
