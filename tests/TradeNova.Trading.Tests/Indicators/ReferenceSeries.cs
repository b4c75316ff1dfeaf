namespace TradeNova.Trading.Tests.IndicatorTests;

/// <summary>One indicator output from the reference script: <see cref="Values"/>[i] belongs to bar
/// <see cref="Offset"/> + i; bars before <see cref="Offset"/> have no value (the indicator is not ready).</summary>
internal sealed record ReferenceSeries(string Name, int Offset, double[] Values);
