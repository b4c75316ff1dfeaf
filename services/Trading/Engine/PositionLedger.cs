using System.Runtime.InteropServices;
using TradeNova.Trading.Results;

namespace TradeNova.Trading.Engine;

/// <summary>The position in one symbol as FIFO lots, so each closing fill becomes closed trades with the entry time
/// and price of the lots it closes. Commissions are split by quantity, and the last share of a lot or fill takes the
/// remainder, so the fees of the trades always add up exactly to the fees paid. Lots are structs updated in place, so
/// a fill allocates nothing here beyond the trades it closes.</summary>
internal sealed class PositionLedger(string symbol)
{
    private readonly List<Lot> _lots = [];
    private int _head;

    public decimal Quantity { get; private set; }

    public decimal AverageEntryPrice
    {
        get
        {
            var quantity = 0m;
            var cost = 0m;
            for (var i = _head; i < _lots.Count; i++)
            {
                quantity += _lots[i].Quantity;
                cost += _lots[i].Quantity * _lots[i].Price;
            }

            return quantity == 0m ? 0m : cost / quantity;
        }
    }

    /// <summary>Applies a fill: signed <paramref name="quantity"/> (positive buys). Closes lots of the opposite sign
    /// first, then opens a lot with what remains.</summary>
    public void Apply(decimal quantity, decimal price, decimal commission, DateTimeOffset time, string reason, List<ClosedTrade> trades)
    {
        if (_head == _lots.Count - 1 && _lots[_head].Quantity == -quantity && _lots[_head].Quantity.Scale == quantity.Scale)
        {
            // The one lot held, closed exactly: the general loop below with closing = the lot's whole size, both fee
            // shares whole and the sign times the size being the lot's own quantity (same digits, as the scales match).
            var lot = _lots[_head];
            trades.Add(new ClosedTrade(symbol, lot.Quantity, lot.Time, lot.Price, time, price, lot.Fee + commission, reason));
            _lots.Clear();
            _head = 0;
            Quantity += quantity;
            return;
        }

        var remaining = quantity;
        var remainingFee = commission;
        var total = Math.Abs(quantity);
        while (_head < _lots.Count && remaining != 0m && Math.Sign(_lots[_head].Quantity) != Math.Sign(remaining))
        {
            ref var lot = ref CollectionsMarshal.AsSpan(_lots)[_head];
            var closing = Math.Min(Math.Abs(lot.Quantity), Math.Abs(remaining));
            var lotShare = closing == Math.Abs(lot.Quantity) ? lot.Fee : lot.Fee * closing / Math.Abs(lot.Quantity);
            var exitShare = closing == Math.Abs(remaining) ? remainingFee : commission * closing / total;
            var signedClosed = Math.Sign(lot.Quantity) * closing;
            trades.Add(new ClosedTrade(symbol, signedClosed, lot.Time, lot.Price, time, price, lotShare + exitShare, reason));
            lot.Quantity -= signedClosed;
            lot.Fee -= lotShare;
            remaining += signedClosed;
            remainingFee -= exitShare;
            if (lot.Quantity == 0m)
            {
                _head++;
            }
        }

        if (remaining != 0m)
        {
            _lots.Add(new Lot { Quantity = remaining, Price = price, Time = time, Fee = remainingFee });
        }

        if (_head == _lots.Count)
        {
            _lots.Clear();
            _head = 0;
        }

        Quantity += quantity;
    }

    private struct Lot
    {
        public decimal Quantity;

        public decimal Price;

        public DateTimeOffset Time;

        public decimal Fee;
    }
}
