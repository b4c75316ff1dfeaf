using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeNova.Backtest.Running;

/// <summary>Compile-time serialisers for the stored result documents, with the web defaults the API uses: the same
/// text as the reflection serialiser, written without per-property reflection (a 20-year run is ~10,000 rows).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RunOutput))]
[JsonSerializable(typeof(ComparisonResult))]
[JsonSerializable(typeof(OptimizationOutput))]
[JsonSerializable(typeof(IReadOnlyList<TradeRow>))]
[JsonSerializable(typeof(IReadOnlyList<EquityRow>))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
