using System.Collections.Frozen;

namespace TradeNova.Execution.Market;

/// <summary>
/// The tradable universe: liquid US stocks and ETFs. Reference prices are rounded approximations of where each traded in
/// the second half of 2025 (hand-entered, not a data feed); volatilities are rough annualised figures. The simulation
/// starts from these at <see cref="SimulationOptions.Epoch"/> and drifts from there, so they only need to be plausible.
/// </summary>
public static class SymbolUniverse
{
    public const string ReferenceDate = "2025-H2 (approximate)";

    public static readonly IReadOnlyList<ReferenceSymbol> All =
    [
        new("AAPL", "Apple", 230m, 0.26), new("MSFT", "Microsoft", 510m, 0.22), new("NVDA", "NVIDIA", 180m, 0.48),
        new("AMZN", "Amazon", 225m, 0.32), new("GOOGL", "Alphabet A", 200m, 0.30), new("META", "Meta Platforms", 750m, 0.36),
        new("TSLA", "Tesla", 330m, 0.60), new("AVGO", "Broadcom", 300m, 0.45), new("JPM", "JPMorgan Chase", 290m, 0.22),
        new("V", "Visa", 345m, 0.18), new("MA", "Mastercard", 570m, 0.19), new("UNH", "UnitedHealth", 300m, 0.35),
        new("XOM", "Exxon Mobil", 110m, 0.22), new("CVX", "Chevron", 155m, 0.23), new("JNJ", "Johnson & Johnson", 175m, 0.16),
        new("WMT", "Walmart", 98m, 0.19), new("PG", "Procter & Gamble", 155m, 0.15), new("HD", "Home Depot", 400m, 0.22),
        new("KO", "Coca-Cola", 68m, 0.14), new("PEP", "PepsiCo", 145m, 0.17), new("COST", "Costco", 950m, 0.21),
        new("ABBV", "AbbVie", 195m, 0.24), new("MRK", "Merck", 80m, 0.25), new("LLY", "Eli Lilly", 750m, 0.33),
        new("PFE", "Pfizer", 25m, 0.24), new("AMGN", "Amgen", 290m, 0.23), new("GILD", "Gilead Sciences", 110m, 0.24),
        new("MDT", "Medtronic", 90m, 0.20), new("BAC", "Bank of America", 48m, 0.26), new("WFC", "Wells Fargo", 80m, 0.27),
        new("GS", "Goldman Sachs", 730m, 0.28), new("MS", "Morgan Stanley", 145m, 0.28), new("C", "Citigroup", 95m, 0.30),
        new("ORCL", "Oracle", 240m, 0.40), new("CSCO", "Cisco", 68m, 0.22), new("CRM", "Salesforce", 250m, 0.32),
        new("ADBE", "Adobe", 350m, 0.33), new("NFLX", "Netflix", 1200m, 0.35), new("AMD", "Advanced Micro Devices", 170m, 0.50),
        new("INTC", "Intel", 23m, 0.45), new("QCOM", "Qualcomm", 160m, 0.33), new("TXN", "Texas Instruments", 190m, 0.28),
        new("IBM", "IBM", 250m, 0.25), new("DIS", "Walt Disney", 120m, 0.27), new("NKE", "Nike", 75m, 0.32),
        new("MCD", "McDonald's", 305m, 0.16), new("SBUX", "Starbucks", 90m, 0.30), new("LOW", "Lowe's", 250m, 0.24),
        new("T", "AT&T", 28m, 0.20), new("VZ", "Verizon", 42m, 0.19), new("CAT", "Caterpillar", 420m, 0.28),
        new("BA", "Boeing", 230m, 0.35), new("GE", "GE Aerospace", 260m, 0.30), new("HON", "Honeywell", 220m, 0.20),
        new("UPS", "United Parcel Service", 90m, 0.28), new("UNP", "Union Pacific", 230m, 0.20), new("LMT", "Lockheed Martin", 460m, 0.20),
        new("F", "Ford Motor", 11m, 0.35), new("GM", "General Motors", 55m, 0.33), new("UBER", "Uber", 95m, 0.40),
        new("PYPL", "PayPal", 70m, 0.35), new("PLTR", "Palantir", 180m, 0.65), new("SPY", "SPDR S&P 500 ETF", 640m, 0.16),
        new("QQQ", "Invesco QQQ", 570m, 0.20), new("IWM", "iShares Russell 2000 ETF", 230m, 0.22), new("DIA", "SPDR Dow Jones ETF", 450m, 0.15),
    ];

    private static readonly FrozenDictionary<string, int> IndexBySymbol =
        All.Select((symbol, index) => (symbol.Symbol, index)).ToFrozenDictionary(p => p.Symbol, p => p.index, StringComparer.Ordinal);

    public static int Count => All.Count;

    public static bool Contains(string symbol) => IndexBySymbol.ContainsKey(symbol);

    public static bool TryGetIndex(string symbol, out int index) => IndexBySymbol.TryGetValue(symbol, out index);

    /// <summary>Upper-cases and trims what a client sent, so " aapl" means AAPL.</summary>
    public static string Normalize(string symbol) => symbol.Trim().ToUpperInvariant();
}
