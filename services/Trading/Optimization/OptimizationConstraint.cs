using System.Globalization;
using TradeNova.Trading.Statistics;

namespace TradeNova.Trading.Optimization;

/// <summary>A condition a parameter set must meet to be ranked, such as <c>max_drawdown &lt; 0.20</c>. A metric the
/// report leaves undefined fails the constraint: an unknown risk is not a small one.</summary>
public sealed record OptimizationConstraint(PerformanceMetric Metric, ConstraintOperator Operator, double Threshold)
{
    public bool IsSatisfiedBy(PerformanceReport report) => IsSatisfiedBy(PerformanceMetrics.Value(report, Metric));

    /// <summary>The same test on the metric's value known without a report.</summary>
    internal bool IsSatisfiedBy(double? metricValue) =>
        metricValue is { } value && Operator switch
        {
            ConstraintOperator.LessThan => value < Threshold,
            ConstraintOperator.LessThanOrEqual => value <= Threshold,
            ConstraintOperator.GreaterThan => value > Threshold,
            ConstraintOperator.GreaterThanOrEqual => value >= Threshold,
            _ => false,
        };

    public static bool TryParseOperator(string? text, out ConstraintOperator op)
    {
        (var ok, op) = text switch
        {
            "<" => (true, ConstraintOperator.LessThan),
            "<=" => (true, ConstraintOperator.LessThanOrEqual),
            ">" => (true, ConstraintOperator.GreaterThan),
            ">=" => (true, ConstraintOperator.GreaterThanOrEqual),
            _ => (false, default),
        };
        return ok;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PerformanceMetrics.NameOf(Metric)} {Operator switch
        {
            ConstraintOperator.LessThan => "<",
            ConstraintOperator.LessThanOrEqual => "<=",
            ConstraintOperator.GreaterThan => ">",
            _ => ">=",
        }} {Threshold}");
}
