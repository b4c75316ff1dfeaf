#!/usr/bin/env python3
"""Independent reference for TradeNova's performance statistics (services/Trading/Statistics).

Written separately from the C# code, from the formulas in the issue, with the standard library only: money stays
Decimal; ratios use float and the `statistics` module (whose stdev/variance/covariance are computed exactly on
fractions before rounding, so they are an independent check of the C# two-pass sums).

Usage: python3 compute_statistics.py <input.json>
Input (written by the C# test): {"equity": [{"time": unix seconds, "equity": number}], "trades": [{"quantity", "entryPrice",
"exitPrice", "fees"}], "feesPaid", "barsInMarket", "totalBars", "benchmark": [...] or null}.
Output on stdout: one JSON object, keys named like the C# PerformanceReport properties; money as decimal strings,
undefined figures as null.

Formulas: r_i = E_i / E_(i-1) - 1 for consecutive daily points; volatility = stdev(r) * sqrt(252) (sample, n - 1);
Sharpe = mean(r) / stdev(r) * sqrt(252), risk-free 0; Sortino = mean(r) / sqrt(sum(min(r, 0)^2) / n) * sqrt(252);
CAGR = (E_n / E_0) ** (365.25 / calendar days) - 1; max drawdown = max (peak - E) / peak; its duration = the longest
calendar time from a peak until equity is back at or above it (or until the last point); Calmar = CAGR / max drawdown;
a trade's net profit = (exit - entry) * quantity - fees, win if > 0, loss if < 0; profit factor = wins / |losses|;
exposure = barsInMarket / totalBars; beta = cov(r_p, r_b) / var(r_b), alpha = (mean(r_p) - beta * mean(r_b)) * 252,
on the dates both series have.
"""
import json
import math
import statistics
import sys
from decimal import Decimal

DAY = 86400.0
ANNUAL = 252
CALENDAR_YEAR = 365.25


def daily_returns(values):
    return [float(b) / float(a) - 1.0 for a, b in zip(values, values[1:]) if a > 0]


def drawdowns(times, values):
    """(max drawdown fraction, longest underwater duration in days)."""
    worst = Decimal(0)
    longest = 0.0
    peak_index = 0
    for i in range(len(values)):
        if values[i] >= values[peak_index]:
            # Points strictly between two peaks were all below the earlier one: an underwater period.
            if i - peak_index > 1:
                longest = max(longest, (times[i] - times[peak_index]) / DAY)
            peak_index = i
        elif values[peak_index] > 0:
            worst = max(worst, (values[peak_index] - values[i]) / values[peak_index])
    if values and peak_index < len(values) - 1:  # still underwater at the end
        longest = max(longest, (times[-1] - times[peak_index]) / DAY)
    return float(worst), longest


def trade_figures(trades):
    nets = [(Decimal(t["exitPrice"]) - Decimal(t["entryPrice"])) * Decimal(t["quantity"]) - Decimal(t["fees"]) for t in trades]
    wins = [n for n in nets if n > 0]
    losses = [n for n in nets if n < 0]
    return {
        "tradeCount": len(nets),
        "winningTrades": len(wins),
        "losingTrades": len(losses),
        "winRate": len(wins) / len(nets) if nets else None,
        "profitFactor": float(sum(wins) / -sum(losses)) if losses else None,
        "averageWin": sum(wins) / len(wins) if wins else None,
        "averageLoss": sum(losses) / len(losses) if losses else None,
        "expectancy": sum(nets) / len(nets) if nets else None,
    }


def alpha_beta(equity, benchmark):
    if not benchmark:
        return None, None
    bench_by_time = {p["time"]: Decimal(p["equity"]) for p in benchmark}
    common = [(Decimal(p["equity"]), bench_by_time[p["time"]]) for p in equity if p["time"] in bench_by_time]
    pairs = [(float(p1) / float(p0) - 1.0, float(b1) / float(b0) - 1.0)
             for (p0, b0), (p1, b1) in zip(common, common[1:]) if p0 > 0 and b0 > 0]
    if len(pairs) < 2:
        return None, None
    rp = [p for p, _ in pairs]
    rb = [b for _, b in pairs]
    variance = statistics.variance(rb)
    if variance == 0:
        return None, None
    beta = statistics.covariance(rp, rb) / variance
    return (statistics.fmean(rp) - beta * statistics.fmean(rb)) * ANNUAL, beta


def compute(data):
    equity = data["equity"]
    times = [p["time"] for p in equity]
    values = [Decimal(p["equity"]) for p in equity]
    report = {"feesPaid": Decimal(data["feesPaid"])}
    report["exposure"] = data["barsInMarket"] / data["totalBars"] if data["totalBars"] > 0 else 0.0
    report.update(trade_figures(data["trades"]))
    report["alpha"], report["beta"] = alpha_beta(equity, data.get("benchmark"))
    report["maxDrawdown"], report["maxDrawdownDurationDays"] = drawdowns(times, values)

    if not values:
        report.update(start=None, end=None, calendarDays=0.0, startEquity=Decimal(0), endEquity=Decimal(0), netProfit=Decimal(0),
                      totalReturn=0.0, cagr=None, annualizedVolatility=None, sharpe=None, sortino=None, calmar=None)
        return report

    first, last = values[0], values[-1]
    days = (times[-1] - times[0]) / DAY
    report.update(start=times[0], end=times[-1], calendarDays=days, startEquity=first, endEquity=last, netProfit=last - first)
    report["totalReturn"] = float(last) / float(first) - 1.0 if first > 0 else 0.0
    report["cagr"] = None
    if days > 0 and first > 0:
        try:
            report["cagr"] = (float(last) / float(first)) ** (CALENDAR_YEAR / days) - 1.0 if last > 0 else -1.0
        except OverflowError:  # not representable: undefined, as in the C# report
            pass

    returns = daily_returns(values)
    report["annualizedVolatility"] = report["sharpe"] = report["sortino"] = None
    if len(returns) >= 2:
        deviation = statistics.stdev(returns)
        mean = statistics.fmean(returns)
        report["annualizedVolatility"] = deviation * math.sqrt(ANNUAL)
        report["sharpe"] = mean / deviation * math.sqrt(ANNUAL) if deviation > 0 else None
        downside = math.sqrt(sum(min(r, 0.0) ** 2 for r in returns) / len(returns))
        report["sortino"] = mean / downside * math.sqrt(ANNUAL) if downside > 0 else None
    report["calmar"] = report["cagr"] / report["maxDrawdown"] if report["cagr"] is not None and report["maxDrawdown"] > 0 else None
    return report


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f, parse_float=Decimal)
    report = compute(data)
    json.dump({k: (str(v) if isinstance(v, Decimal) else v) for k, v in report.items()}, sys.stdout)


if __name__ == "__main__":
    main()
