using TradeNova.Trading.Data;

namespace TradeNova.Trading.Tests.Data;

public class CsvBarImporterTests
{
    private static CsvImportResult Import(string csv, CsvImportOptions? options = null) =>
        CsvBarImporter.Import(new StringReader(csv), "AAA", options: options);

    private static IEnumerable<string> Errors(CsvImportResult result) => result.Errors.Select(e => e.ToString());

    [Fact]
    public void A_valid_file_imports_every_row_in_utc()
    {
        var result = Import("""
            Date,Open,High,Low,Close,Volume,AdjClose
            2024-01-02,10.5,11,10,10.75,1000,1
            2024-01-03,10.75,11.25,10.5,11,1200,1
            """);

        result.Succeeded.ShouldBeTrue();
        result.Errors.ShouldBeEmpty();
        var series = result.Series!;
        (series.Symbol, series.IsSynthetic, series.Source).ShouldBe(("AAA", false, "csv import"));
        series.Bars.ShouldBe([
            new Bar(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), 10.5m, 11m, 10m, 10.75m, 1000m),
            new Bar(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero), 10.75m, 11.25m, 10.5m, 11m, 1200m),
        ]);
    }

    [Fact]
    public void Columns_are_found_by_name_and_timestamps_with_offsets_become_utc()
    {
        var result = Import("""
            volume,close,low,high,open,timestamp
            5,101,99,102,100,2024-01-02T09:30:00-05:00
            """);

        var bar = result.Series!.Bars.ShouldHaveSingleItem();
        bar.Time.ShouldBe(new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero));
        bar.Time.Offset.ShouldBe(TimeSpan.Zero);
        (bar.Open, bar.Close, bar.Volume).ShouldBe((100m, 101m, 5m));
    }

    [Fact]
    public void A_header_without_required_columns_is_an_error_on_line_1()
    {
        var result = Import("""
            date,open,high,close
            2024-01-02,1,2,1.5
            """);

        result.Series.ShouldBeNull();
        Errors(result).ShouldBe([
            "line 1: The header has no low column; found: date, open, high, close.",
            "line 1: The header has no volume column; found: date, open, high, close.",
        ]);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_nothing_is_imported()
    {
        var result = Import("""
            date,open,high,low,close,volume
            2024-01-02,10,11,9,10,100
            2024-01-03,10,abc,9,10,100
            2024-01-04,0,11,9,10,100
            2024-01-05,10,9,11,10,100
            2024-01-08,12,11,9,10,100
            2024-01-09,10,11,9,8,100
            2024-01-10,10,11,9,10,-1
            2024-13-40,10,11,9,10,100
            2024-01-11,10,11,9,10
            """);

        result.Series.ShouldBeNull();
        Errors(result).ShouldBe([
            "line 3: high \"abc\" is not a number.",
            "line 4: open 0 is not positive.",
            "line 5: high 9 is below low 11.",
            "line 6: open 12 is outside the bar's range [9, 11].",
            "line 7: close 8 is outside the bar's range [9, 11].",
            "line 8: volume -1 is negative.",
            "line 9: date \"2024-13-40\" is not a date (expected yyyy-MM-dd or an ISO 8601 timestamp).",
            "line 10: Expected at least 6 fields, found 5.",
        ]);
    }

    [Fact]
    public void Duplicates_and_out_of_order_rows_are_errors_naming_the_other_line()
    {
        var result = Import("""
            date,open,high,low,close,volume
            2024-01-02,10,11,9,10,100
            2024-01-03,10,11,9,10,100
            2024-01-03,10,11,9,10,100
            2024-01-01,10,11,9,10,100
            """);

        result.Series.ShouldBeNull();
        Errors(result).ShouldBe([
            "line 4: Duplicate time 2024-01-03: line 3 has the same time.",
            "line 5: Out of order: 2024-01-01 is earlier than 2024-01-03 on line 4; rows must be in increasing time order.",
        ]);
    }

    [Fact]
    public void Gaps_over_four_days_warn_and_gaps_over_a_month_are_errors()
    {
        const string csv = """
            date,open,high,low,close,volume
            2024-01-05,10,11,9,10,100
            2024-01-09,10,11,9,10,100
            2024-01-15,10,11,9,10,100
            2024-03-01,10,11,9,10,100
            """;

        var result = Import(csv);

        // Fri → Tue (4 days) is a long weekend: fine. Tue → Mon (6 days) warns. Jan 15 → Mar 1 (46 days) is an error.
        result.Warnings.Select(w => w.ToString()).ShouldBe([
            "line 4: Gap of 6 calendar days after 2024-01-09 (line 3): more than 4 days; check it is a real market closure.",
        ]);
        Errors(result).ShouldBe([
            "line 5: Gap of 46 calendar days after 2024-01-15 (line 4): more than 31 days means missing data.",
        ]);
        Import(csv, new CsvImportOptions { GapErrorDays = null }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Blank_lines_keep_the_line_numbers_of_the_file()
    {
        var result = Import("date,open,high,low,close,volume\n2024-01-02,10,11,9,10,100\n\n2024-01-03,10,11,9,-10,100\n");

        Errors(result).ShouldBe(["line 4: close -10 is not positive."]);
    }

    [Fact]
    public void An_empty_file_or_a_header_alone_is_an_error()
    {
        Errors(Import("")).ShouldHaveSingleItem().ShouldStartWith("line 1: The file is empty");
        Errors(Import("date,open,high,low,close,volume\n")).ShouldBe(["line 1: The file has a header but no data rows."]);
    }

    [Fact]
    public void A_stray_quote_is_reported_on_its_line()
    {
        var result = Import("date,open,high,low,close,volume\n2024-01-02,10,11,9,10,100\n2024-01-03,1\"0,11,9,10,100\n2024-01-04,10,11,9,10,100\n");

        result.Series.ShouldBeNull();
        Errors(result).ShouldBe(["line 3: Malformed CSV (a stray or unbalanced quote)."]);
    }
}
