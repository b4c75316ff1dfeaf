using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.IntegrationTests.Data;

/// <summary>
/// <see cref="CachedStatementSave"/> against PostgreSQL, side by side with EF's own save of the same changes: the same
/// rows, store values read back (identity keys, xmin, a column default), only modified columns updated, a stale row
/// version refused with nothing written, a constraint violation wrapped as EF wraps it with nothing written, and the
/// saves it leaves to EF.
/// </summary>
public sealed class CachedStatementSaveTests : IAsyncLifetime
{
    private const string Schema = "cachedsave";

    private TestInfrastructure? _infrastructure;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync([Schema], Ct);
        await using var db = CreateContext(cached: false);
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    [Fact]
    public async Task New_and_changed_rows_of_several_tables_are_written_as_EF_writes_them()
    {
        var results = new List<string>();
        foreach (var cached in new[] { false, true })
        {
            await using var db = CreateContext(cached);
            var account = NewAccount(cached ? "cached" : "ef");
            db.Accounts.Add(account);
            db.Entries.Add(new Entry { AccountId = account.Id, Note = "opening", Amount = 10.5m });
            db.Entries.Add(new Entry { AccountId = account.Id, Note = null, Amount = -0.000001m });
            if (cached)
            {
                (await CachedStatementSave.TrySaveAsync(db, Ct)).ShouldBe(3);
            }
            else
            {
                (await db.SaveChangesAsync(Ct)).ShouldBe(3);
            }

            db.ChangeTracker.Entries().ShouldAllBe(e => e.State == EntityState.Unchanged);
            db.Entry(account).Property<uint>("xmin").CurrentValue.ShouldNotBe(0u);
            var entries = db.Entries.Local.OrderBy(e => e.Id).ToList();
            entries.ShouldAllBe(e => e.Id > 0);
            results.Add(string.Join(',', entries.Select(e => e.Posted)));
            entries.Select(e => e.CreatedAt).ShouldAllBe(at => at > DateTimeOffset.UtcNow.AddMinutes(-5));

            // A change saved next: a modified column and a new row in the same save; another writer's column is kept.
            account.Balance = 99.123456m;
            account.Tags = ["x"];
            account.Grade = Grade.Low;
            db.Entries.Add(new Entry { AccountId = account.Id, Note = "second", Amount = 1m });
            await using (var other = CreateContext(cached: false))
            {
                await other.Accounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Name, a => a.Name + "!"), Ct);
            }

            var before = await XminAsync(account.Id);
            db.Entry(account).Property<uint>("xmin").OriginalValue = before; // the writer above moved it
            if (cached)
            {
                (await CachedStatementSave.TrySaveAsync(db, Ct)).ShouldBe(2);
            }
            else
            {
                (await db.SaveChangesAsync(Ct)).ShouldBe(2);
            }

            db.Entry(account).Property<uint>("xmin").CurrentValue.ShouldNotBe(before);
            db.Entry(account).Property<uint>("xmin").CurrentValue.ShouldBe(await XminAsync(account.Id));
            await using var check = CreateContext(cached: false);
            var saved = await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id, Ct);
            var rows = await check.Entries.AsNoTracking().Where(e => e.AccountId == account.Id).OrderBy(e => e.Id).ToListAsync(Ct);
            results.Add(string.Join(" / ", new[] { $"{saved.Balance}|{string.Join(',', saved.Tags)}|{saved.Grade}|{saved.OpenedAt:O}|{saved.ClosedAt}" }
                .Concat(rows.Select(r => $"{r.Note}|{r.Amount}|{r.Posted}"))));
            saved.Name.ShouldEndWith("!");
        }

        results[2].ShouldBe(results[0]);
        results[3].ShouldBe(results[1]);
    }

    [Fact]
    public async Task A_stale_row_version_is_refused_and_nothing_of_the_save_is_written()
    {
        var account = await SeededAccountAsync("stale");

        await using var db = CreateContext(cached: true);
        var tracked = await db.Accounts.SingleAsync(a => a.Id == account.Id, Ct);
        await using (var other = CreateContext(cached: true))
        {
            var moved = await other.Accounts.SingleAsync(a => a.Id == account.Id, Ct);
            moved.Balance = 1m;
            await other.SaveChangesAsync(Ct);
        }

        tracked.Balance = 2m;
        db.Entries.Add(new Entry { AccountId = account.Id, Note = "lost", Amount = 3m });
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));

        await using var check = CreateContext(cached: false);
        (await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id, Ct)).Balance.ShouldBe(1m);
        (await check.Entries.AnyAsync(e => e.AccountId == account.Id, Ct)).ShouldBeFalse();
        db.Entry(tracked).State.ShouldBe(EntityState.Modified);

        // Alone, the update needs no transaction of its own and is refused all the same.
        db.ChangeTracker.Entries<Entry>().ToList().ForEach(e => e.State = EntityState.Detached);
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
        (await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id, Ct)).Balance.ShouldBe(1m);
    }

    [Fact]
    public async Task A_constraint_violation_is_a_DbUpdateException_and_the_whole_save_is_undone()
    {
        var account = await SeededAccountAsync("unique");

        await using var db = CreateContext(cached: true);
        var fresh = NewAccount("fresh");
        db.Accounts.Add(fresh);
        db.Accounts.Add(NewAccount("duplicate", account.Code));
        var failure = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        failure.IsUniqueViolation().ShouldBeTrue();

        await using var check = CreateContext(cached: false);
        (await check.Accounts.AnyAsync(a => a.Id == fresh.Id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Inside_a_transaction_the_rows_wait_for_its_commit()
    {
        await using var db = CreateContext(cached: true);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Database.AutoSavepointsEnabled = false;
        var account = NewAccount("in-transaction");
        db.Accounts.Add(account);
        (await CachedStatementSave.TrySaveAsync(db, Ct)).ShouldBe(1);
        await using (var outside = CreateContext(cached: false))
        {
            (await outside.Accounts.AnyAsync(a => a.Id == account.Id, Ct)).ShouldBeFalse();
        }

        await transaction.RollbackAsync(Ct);
        await using var check = CreateContext(cached: false);
        (await check.Accounts.AnyAsync(a => a.Id == account.Id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Saves_it_does_not_handle_are_left_to_EF()
    {
        var account = NewAccount("left");
        await using var db = CreateContext(cached: true);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(Ct);

        db.Accounts.Remove(account);
        (await CachedStatementSave.TrySaveAsync(db, Ct)).ShouldBeNull();
        (await db.SaveChangesAsync(Ct)).ShouldBe(1);

        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Accounts.Add(NewAccount("savepoint"));
        (await CachedStatementSave.TrySaveAsync(db, Ct)).ShouldBeNull(); // EF would set a savepoint around this save
        (await db.SaveChangesAsync(Ct)).ShouldBe(1);
        await transaction.CommitAsync(Ct);

        (await CachedStatementSave.TrySaveAsync(db, Ct)).ShouldBeNull(); // nothing to save
    }

    [Fact]
    public async Task The_last_save_of_a_transaction_commits_in_its_own_batch_and_the_interceptors_hear_of_it()
    {
        var account = await SeededAccountAsync("commit");

        var recorder = new TransactionRecorder();
        await using var db = CreateContext(cached: true, recorder);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Database.AutoSavepointsEnabled = false;
        var tracked = await db.Accounts.SingleAsync(a => a.Id == account.Id, Ct);
        tracked.Balance = 12.5m;
        db.Entries.Add(new Entry { AccountId = account.Id, Note = "with commit", Amount = 2m });

        (await db.SaveChangesAndCommitAsync(Ct)).ShouldBe(2);

        // Committed by the batch, not by EF's CommitAsync (which would have said "committing" first).
        recorder.Committing.ShouldBe(0);
        recorder.Committed.ShouldBe([transaction.TransactionId]);
        db.Database.CurrentTransaction.ShouldBeNull();
        db.ChangeTracker.Entries().ShouldAllBe(e => e.State == EntityState.Unchanged);
        db.Entry(tracked).Property<uint>("xmin").CurrentValue.ShouldBe(await XminAsync(account.Id));
        await using var check = CreateContext(cached: false);
        (await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id, Ct)).Balance.ShouldBe(12.5m);
        (await check.Entries.CountAsync(e => e.AccountId == account.Id, Ct)).ShouldBe(1);

        // The context goes on as usual: its next save is a transaction of its own.
        tracked.Balance = 13m;
        (await db.SaveChangesAsync(Ct)).ShouldBe(1);
        (await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id, Ct)).Balance.ShouldBe(13m);
    }

    [Fact]
    public async Task A_stale_row_in_the_committing_save_commits_nothing_and_the_transaction_rolls_back()
    {
        // Written in key order: the first account's update succeeds, the second's finds its row changed.
        var first = NewAccount("first", id: Guid.Parse("00000000-0000-0000-0000-000000000001"));
        var stale = NewAccount("stale-commit", id: Guid.Parse("ffffffff-0000-0000-0000-000000000001"));
        await using (var seed = CreateContext(cached: true))
        {
            await seed.Accounts.Where(a => a.Id == first.Id || a.Id == stale.Id).ExecuteDeleteAsync(Ct);
            seed.Accounts.AddRange(first, stale);
            await seed.SaveChangesAsync(Ct);
        }

        var recorder = new TransactionRecorder();
        await using var db = CreateContext(cached: true, recorder);
        var trackedFirst = await db.Accounts.SingleAsync(a => a.Id == first.Id, Ct);
        var trackedStale = await db.Accounts.SingleAsync(a => a.Id == stale.Id, Ct);
        await using (var other = CreateContext(cached: true))
        {
            (await other.Accounts.SingleAsync(a => a.Id == stale.Id, Ct)).Balance = 1m;
            await other.SaveChangesAsync(Ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Database.AutoSavepointsEnabled = false;
        trackedFirst.Balance = 5m;
        trackedStale.Balance = 2m;
        db.Entries.Add(new Entry { AccountId = first.Id, Note = "lost", Amount = 3m });
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAndCommitAsync(Ct));
        await transaction.RollbackAsync(Ct);

        recorder.Committed.ShouldBeEmpty();
        await using var check = CreateContext(cached: false);
        (await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == first.Id, Ct)).Balance.ShouldBe(10_000m);
        (await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == stale.Id, Ct)).Balance.ShouldBe(1m);
        (await check.Entries.AnyAsync(e => e.AccountId == first.Id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_constraint_violation_in_the_committing_save_commits_nothing()
    {
        var account = await SeededAccountAsync("unique-commit");

        await using var db = CreateContext(cached: true);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Database.AutoSavepointsEnabled = false;
        var fresh = NewAccount("fresh-commit");
        db.Accounts.Add(fresh);
        db.Accounts.Add(NewAccount("duplicate-commit", account.Code));
        (await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAndCommitAsync(Ct))).IsUniqueViolation().ShouldBeTrue();
        await transaction.RollbackAsync(Ct);

        await using var check = CreateContext(cached: false);
        (await check.Accounts.AnyAsync(a => a.Id == fresh.Id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_committing_save_it_leaves_to_EF_commits_as_usual()
    {
        var account = await SeededAccountAsync("ef-commit");
        var recorder = new TransactionRecorder();
        await using var db = CreateContext(cached: true, recorder);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Database.AutoSavepointsEnabled = false;
        db.Accounts.Remove(await db.Accounts.SingleAsync(a => a.Id == account.Id, Ct)); // a delete: EF saves it
        (await db.SaveChangesAndCommitAsync(Ct)).ShouldBe(1);

        recorder.Committing.ShouldBe(1);
        recorder.Committed.ShouldBe([transaction.TransactionId]);
        db.Database.CurrentTransaction.ShouldBeNull();
        await using var check = CreateContext(cached: false);
        (await check.Accounts.AnyAsync(a => a.Id == account.Id, Ct)).ShouldBeFalse();
    }

    private async Task<Account> SeededAccountAsync(string name)
    {
        var account = NewAccount(name);
        await using var seed = CreateContext(cached: true);
        seed.Accounts.Add(account);
        await seed.SaveChangesAsync(Ct);
        return account;
    }

    private static Account NewAccount(string name, string? code = null, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Code = code ?? Guid.NewGuid().ToString("N")[..12],
        Name = $"{name}-{Guid.NewGuid():N}",
        Balance = 10_000m,
        Tags = ["a", "b"],
        Grade = Grade.High,
        OpenedAt = new DateTimeOffset(2026, 12, 3, 9, 30, 0, 123, TimeSpan.Zero),
    };

    private async Task<uint> XminAsync(Guid id)
    {
        await using var db = CreateContext(cached: false);
        return await db.Accounts.Where(a => a.Id == id).Select(a => EF.Property<uint>(a, "xmin")).SingleAsync(Ct);
    }

    private CacheTestContext CreateContext(bool cached, TransactionRecorder? recorder = null)
    {
        var options = new DbContextOptionsBuilder<CacheTestContext>()
            .UseServiceNpgsql((_infrastructure ?? throw new InvalidOperationException("Not initialised.")).Database.ConnectionStringFor(Schema), Schema);
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
    private sealed class TransactionRecorder : DbTransactionInterceptor
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

    private sealed class CacheTestContext(DbContextOptions<CacheTestContext> options) : DbContext(options)
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
