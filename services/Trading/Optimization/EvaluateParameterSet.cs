using TradeNova.Trading.Engine;

namespace TradeNova.Trading.Optimization;

/// <summary>The one seam between the searches and the engine: run the strategy with these parameters over this data
/// and report. Searches call it concurrently from several threads with the same immutable <paramref name="data"/>, so
/// an implementation may cache anything derived from the data (indicator columns, for instance) keyed on it.</summary>
public delegate EvaluationOutcome EvaluateParameterSet(ParameterSet parameters, MarketDataSet data);
