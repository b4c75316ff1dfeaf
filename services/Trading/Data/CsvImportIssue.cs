namespace TradeNova.Trading.Data;

/// <summary>A problem found in a CSV file, with the 1-based line of the file it is on (the header is line 1).</summary>
public sealed record CsvImportIssue(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
