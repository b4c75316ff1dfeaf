using TradeNova.Trading.Costs;

namespace TradeNova.Execution.Exchange;

/// <summary>The cost models of <c>services/Trading</c> the paper exchange charges (platform default: both zero).</summary>
public sealed record PaperCosts(ICommissionModel Commission, ISlippageModel Slippage)
{
    public static readonly PaperCosts Zero = new(ZeroCommission.Instance, ZeroSlippage.Instance);

    public static PaperCosts From(PaperExchangeOptions options)
    {
        ICommissionModel commission = options is { CommissionPerShare: 0m, CommissionPercentOfNotional: 0m, CommissionMinimum: 0m }
            ? ZeroCommission.Instance
            : new CombinedCommission(
                [new PerShareCommission(options.CommissionPerShare), new PercentOfNotionalCommission(options.CommissionPercentOfNotional)],
                options.CommissionMinimum);
        ISlippageModel slippage = options.SlippageBasisPoints == 0m ? ZeroSlippage.Instance : new FixedBpsSlippage(options.SlippageBasisPoints);
        return new PaperCosts(commission, slippage);
    }
}
