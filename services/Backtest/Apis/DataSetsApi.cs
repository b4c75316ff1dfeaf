using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Data;
using TradeNova.Trading.Strategies;

namespace TradeNova.Backtest.Apis;

/// <summary>A user's own daily bars, uploaded as CSV per symbol. The importer validates every row; a file with any
/// error is refused with each problem and its line, and nothing is stored. Uploads are private to the user.</summary>
public static class DataSetsApi
{
    public const int MaxCsvLength = 5_000_000;

    public static RouteGroupBuilder MapBacktestDataApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/backtests/data").WithTags("Backtest data").RequireAuthorization();
        api.MapGet("/", ListAsync);
        api.MapPost("/", UploadAsync);
        api.MapDelete("/{symbol}", DeleteAsync);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<DataSetView>>> ListAsync(ClaimsPrincipal user, BacktestContext db, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var sets = await db.DataSets.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Symbol)
            .Select(d => new DataSetView(d.Symbol, d.FileName, d.BarCount, d.FirstBar, d.LastBar, d.UploadedAt, Array.Empty<string>()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DataSetView>>(sets);
    }

    public static async Task<Results<Created<DataSetView>, ValidationProblem>> UploadAsync(
        DataSetUpload upload, ClaimsPrincipal user, BacktestContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        ParameterChecks.Symbol(errors, "symbol", upload.Symbol);
        var problems = new ValidationErrors();
        foreach (var error in errors)
        {
            problems.Add(error.Field, error.Message);
        }

        if (string.IsNullOrEmpty(upload.Csv) || upload.Csv.Length > MaxCsvLength)
            problems.Add("csv", $"The CSV text is required and may be at most {MaxCsvLength:#,0} characters.");
        if (problems.HasErrors)
            return problems.ToProblem();

        var fileName = string.IsNullOrWhiteSpace(upload.FileName) ? $"{upload.Symbol}.csv" : Path.GetFileName(upload.FileName)[..Math.Min(200, Path.GetFileName(upload.FileName).Length)];
        using var reader = new StringReader(upload.Csv!);
        var imported = CsvBarImporter.Import(reader, upload.Symbol!, fileName);
        if (imported.Series is not { } series)
        {
            foreach (var issue in imported.Errors.Take(100))
            {
                problems.Add($"csv.line{issue.Line}", $"Line {issue.Line}: {issue.Message}");
            }

            return problems.ToProblem();
        }

        var userId = user.GetUserId();
        var now = time.GetUtcNow();
        var existing = await db.DataSets.SingleOrDefaultAsync(d => d.UserId == userId && d.Symbol == upload.Symbol, cancellationToken);
        if (existing is not null)
            db.DataSets.Remove(existing);
        var stored = new UserDataSet
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Symbol = upload.Symbol!,
            FileName = fileName,
            Csv = upload.Csv!,
            BarCount = series.Bars.Length,
            FirstBar = series.Bars[0].Time,
            LastBar = series.Bars[^1].Time,
            UploadedAt = now,
        };
        db.DataSets.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/backtests/data", new DataSetView(
            stored.Symbol, stored.FileName, stored.BarCount, stored.FirstBar, stored.LastBar, stored.UploadedAt,
            imported.Warnings.Select(w => w.ToString()).ToArray()));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string symbol, ClaimsPrincipal user, BacktestContext db, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var deleted = await db.DataSets.Where(d => d.UserId == userId && d.Symbol == symbol).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ProblemResults.NotFound("No such upload.") : TypedResults.NoContent();
    }
}

public sealed record DataSetUpload(string? Symbol, string? FileName, string? Csv);

public sealed record DataSetView(string Symbol, string FileName, int Bars, DateTimeOffset FirstBar, DateTimeOffset LastBar, DateTimeOffset UploadedAt, IReadOnlyList<string> Warnings);
