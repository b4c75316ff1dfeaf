namespace TradeNova.Trading.Costs;

/// <summary>Computes the commission charged for one fill. Implementations are pure and must be monotone
/// non-decreasing in quantity, because the broker simulation searches for the largest quantity the cash covers.</summary>
public interface ICommissionModel
{
    /// <param name="quantity">Shares filled (always positive).</param>
    /// <param name="price">Fill price per share, slippage included.</param>
    decimal Commission(decimal quantity, decimal price);
}
