#!/usr/bin/env python3
"""Independent reference for the engine's SMA(10)/SMA(30) crossover acceptance test.

Written from the rules in the issue, sharing no code with the C# engine:
  * long only; $100,000 start; no costs;
  * signals at a bar's close: buy when SMA(fast) crosses above SMA(slow) (fast <= slow on the previous bar and
    fast > slow now) while flat; sell everything when it crosses below (fast >= slow before, fast < slow now)
    while long;
  * market orders fill at the next bar's open; a buy takes floor(cash / open) whole shares;
  * an order signalled on the last bar never fills; final equity = cash + shares x last close.
Money is exact: Python's decimal module, with the averages computed exactly from the window sums (no floating point).

Usage: sma_crossover_reference.py <ohlcv.csv> [fast] [slow] [initial_cash]
Prints JSON: {"trades": [...], "final_cash": "...", "final_equity": "...", "open_quantity": "..."}.
"""
import csv
import json
import sys
from decimal import Decimal, getcontext, ROUND_FLOOR

getcontext().prec = 60


def sma(values, end, period):
    """Mean of values[end - period + 1 .. end], or None before the window is full."""
    if end + 1 < period:
        return None
    return sum(values[end - period + 1:end + 1]) / period


def main():
    path = sys.argv[1]
    fast = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    slow = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    cash = Decimal(sys.argv[4]) if len(sys.argv) > 4 else Decimal("100000")

    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    dates = [r["date"] for r in rows]
    opens = [Decimal(r["open"]) for r in rows]
    closes = [Decimal(r["close"]) for r in rows]

    shares = Decimal(0)
    pending = None  # "buy" or "sell", to fill at the next bar's open
    entry = None
    trades = []
    for i in range(len(rows)):
        if pending is not None:
            price = opens[i]
            if pending == "buy":
                quantity = (cash / price).to_integral_value(rounding=ROUND_FLOOR)
                if quantity > 0:
                    cash -= quantity * price
                    shares = quantity
                    entry = (dates[i], price)
            else:
                cash += shares * price
                trades.append({
                    "entry_date": entry[0], "entry_price": str(entry[1]),
                    "exit_date": dates[i], "exit_price": str(price),
                    "quantity": str(shares), "profit": str((price - entry[1]) * shares),
                })
                shares = Decimal(0)
                entry = None
            pending = None

        f_now, s_now = sma(closes, i, fast), sma(closes, i, slow)
        f_prev, s_prev = sma(closes, i - 1, fast), sma(closes, i - 1, slow)
        if None in (f_now, s_now, f_prev, s_prev):
            continue
        if f_prev <= s_prev and f_now > s_now and shares == 0:
            pending = "buy"
        elif f_prev >= s_prev and f_now < s_now and shares > 0:
            pending = "sell"

    final_equity = cash + shares * closes[-1]
    json.dump({
        "trades": trades,
        "final_cash": str(cash),
        "final_equity": str(final_equity),
        "open_quantity": str(shares),
        "bars": len(rows),
    }, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
