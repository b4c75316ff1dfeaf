using System.Text.RegularExpressions;
using Npgsql;
using TradeNova.IntegrationTests.Platform;

namespace TradeNova.IntegrationTests.Backtests;

[Collection(PlatformCollection.Name)]
public class BacktestScaleOutTests(PlatformFixture platform)
{
    [Fact]
    public async Task Two_Backtest_instances_share_the_job_queue_and_run_each_job_exactly_once()
    {
        using var gateway = BacktestCalls.Client(platform);
        var second = await platform.StartExtraInstanceAsync("backtest");
        try
        {
            // Eight optimisations from four users (two each, the concurrency quota): each instance takes two at a time,
            // so the queue has work for both.
            var ids = new List<Guid>();
            for (var u = 0; u < 4; u++)
            {
                var user = await gateway.NewUserAsync();
                for (var j = 0; j < 2; j++)
                    ids.Add(await gateway.SubmitAsync(user, BacktestCalls.LongOptimization(fastMax: 30, slowMax: 200), "/api/v1/backtests/optimizations"));
            }

            await using var connection = new NpgsqlConnection(platform.Infrastructure.Database.ConnectionStringFor("backtest"));
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var rows = await Infrastructure.Poll.UntilAsync(
                () => JobsAsync(connection, ids),
                jobs => jobs.Count == ids.Count && jobs.All(j => j.Status is "succeeded" or "failed" or "cancelled"),
                TimeSpan.FromMinutes(5),
                "all eight optimisations finished");
            var first = platform["backtest"];
            var ranBy = await Infrastructure.Poll.UntilAsync(
                () => Task.FromResult(ids.ToDictionary(id => id, id => new[] { first, second }.Where(p => Completions(p, id) > 0).Select(p => p.Name).ToArray())),
                map => map.Values.All(names => names.Length > 0),
                TimeSpan.FromSeconds(30),
                "every job's completion in an instance's log");

            rows.ShouldAllBe(j => j.Status == "succeeded" && j.Attempts == 1 && j.Results == 1L);
            ranBy.Values.ShouldAllBe(names => names.Length == 1, "each job ran in one instance");
            ids.Sum(id => Completions(first, id) + Completions(second, id)).ShouldBe(ids.Count, "each job completed once");
            ranBy.Values.Select(names => names[0]).Distinct().Count().ShouldBe(2, "both instances took jobs from the queue");
        }
        finally
        {
            // Stop the replica now: later tests kill "backtest" and expect its job to be the one they interrupted.
            await second.KillAsync();
        }
    }

    private static int Completions(ServiceProcess process, Guid id)
    {
        var log = process.Tail(int.MaxValue);
        return Regex.Count(log, $"Backtest job {id} succeeded in");
    }

    private static async Task<List<(Guid Id, string Status, int Attempts, long Results)>> JobsAsync(NpgsqlConnection connection, List<Guid> ids)
    {
        await using var command = new NpgsqlCommand(
            "SELECT j.id, j.status, j.attempts, (SELECT count(*) FROM backtest.job_results r WHERE r.backtest_id = j.id) FROM backtest.jobs j WHERE j.id = ANY(@ids)",
            connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var rows = new List<(Guid, string, int, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3)));
        return rows;
    }
}
