namespace TradeNova.Trading.Data;

/// <summary>Parameters of a synthetic price series: geometric Brownian motion with occasional overnight gaps.</summary>
/// <param name="Seed">Seed of the random generator: the same spec always gives the same bars.</param>
/// <param name="AnnualDrift">Expected log growth per year before the volatility correction (0.07 = 7%).</param>
/// <param name="AnnualVolatility">Annualised standard deviation of daily log returns (0.20 = 20%).</param>
/// <param name="GapProbability">Chance per bar that the open gaps away from the previous close.</param>
/// <param name="GapVolatility">Standard deviation of a gap's log size (0.03 = 3%).</param>
public sealed record SyntheticSeriesSpec(
    string Symbol,
    int Seed,
    decimal StartPrice = 100m,
    double AnnualDrift = 0.07,
    double AnnualVolatility = 0.20,
    double GapProbability = 0.02,
    double GapVolatility = 0.03,
    decimal BaseVolume = 1_000_000m);
