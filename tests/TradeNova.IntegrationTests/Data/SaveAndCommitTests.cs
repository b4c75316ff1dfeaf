using Microsoft.EntityFrameworkCore;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.IntegrationTests.Data;

/// <summary>
/// <see cref="SaveAndCommit.SaveChangesAndCommitAsync"/> against PostgreSQL: the COMMIT in the save's own batch, with
/// the transaction interceptors told as EF tells them; a stale row or a constraint violation commits nothing; a save
/// EF writes commits as usual.
/// </summary>
public sealed class SaveAndCommitTests : CachedSaveTestBase
{
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
}
