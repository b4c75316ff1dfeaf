using Microsoft.EntityFrameworkCore;
using TradeNova.ServiceDefaults.Data;

namespace TradeNova.IntegrationTests.Data;

/// <summary>
/// <see cref="CachedStatementSave"/> against PostgreSQL, side by side with EF's own save of the same changes: the same
/// rows, store values read back (identity keys, xmin, a column default), only modified columns updated, a stale row
/// version refused with nothing written, a constraint violation wrapped as EF wraps it with nothing written, and the
/// saves it leaves to EF.
/// </summary>
public sealed class CachedStatementSaveTests : CachedSaveTestBase
{
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
}
