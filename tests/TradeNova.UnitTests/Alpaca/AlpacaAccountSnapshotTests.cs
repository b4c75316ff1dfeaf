using TradeNova.Execution.Brokers.Alpaca.Accounts;
using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.UnitTests.Alpaca;

public class AlpacaAccountSnapshotTests
{
    private static readonly AlpacaPosition[] Flat = [];
    private static readonly AlpacaPosition[] TenAapl = [new() { Symbol = "AAPL", Qty = 10m, Side = "long", CurrentPrice = 150m }];

    [Fact]
    public async Task Steady_holdings_take_one_account_read_and_the_positions_after_it()
    {
        var broker = new ScriptedBroker([TenAapl, TenAapl], [Account(1_000m)]);

        var snapshot = await AlpacaAccountSnapshot.ReadAsync(broker.AccountAsync, broker.PositionsAsync, 3, TestContext.Current.CancellationToken);

        snapshot.ShouldNotBeNull();
        snapshot.Value.Account.Cash.ShouldBe(1_000m);
        snapshot.Value.Positions.ShouldBeSameAs(broker.Positions[1]);
        broker.Calls.ShouldBe(["positions", "account", "positions"]);
    }

    [Fact]
    public async Task A_fill_between_the_reads_sends_the_account_read_again()
    {
        // The buy fills after the first positions read: the first account may be from before it (cash 2,500) while the
        // positions after it already hold the shares; the second round sees the same holdings on both sides.
        var broker = new ScriptedBroker([Flat, TenAapl, TenAapl], [Account(2_500m), Account(1_000m)]);

        var snapshot = await AlpacaAccountSnapshot.ReadAsync(broker.AccountAsync, broker.PositionsAsync, 3, TestContext.Current.CancellationToken);

        snapshot.ShouldNotBeNull();
        snapshot.Value.Account.Cash.ShouldBe(1_000m);
        snapshot.Value.Positions.Single().Qty.ShouldBe(10m);
        broker.Calls.ShouldBe(["positions", "account", "positions", "account", "positions"]);
    }

    [Fact]
    public async Task Holdings_that_change_on_every_attempt_give_no_snapshot()
    {
        AlpacaPosition[] twenty = [new() { Symbol = "AAPL", Qty = 20m, Side = "long" }];
        var broker = new ScriptedBroker([Flat, TenAapl, twenty], [Account(2_500m), Account(1_000m)]);

        var snapshot = await AlpacaAccountSnapshot.ReadAsync(broker.AccountAsync, broker.PositionsAsync, 2, TestContext.Current.CancellationToken);

        snapshot.ShouldBeNull();
        broker.Calls.Count.ShouldBe(5);
    }

    [Theory]
    [InlineData("AAPL", "long", 10, true)]
    [InlineData("aapl", "Long", 10, true)]
    [InlineData("AAPL", "long", 11, false)]
    [InlineData("AAPL", "short", 10, false)]
    [InlineData("MSFT", "long", 10, false)]
    public void Holdings_compare_by_symbol_side_and_quantity_not_price(string symbol, string side, int quantity, bool same)
    {
        AlpacaPosition[] other = [new() { Symbol = symbol, Qty = quantity, Side = side, CurrentPrice = 151m, MarketValue = 1_510m }];

        AlpacaAccountSnapshot.SameHoldings(TenAapl, other).ShouldBe(same);
    }

    [Fact]
    public void A_closed_position_still_listed_at_zero_is_no_holding()
    {
        AlpacaPosition[] zero = [new() { Symbol = "AAPL", Qty = 0m, Side = "long" }];

        AlpacaAccountSnapshot.SameHoldings(Flat, zero).ShouldBeTrue();
        AlpacaAccountSnapshot.SameHoldings(TenAapl, zero).ShouldBeFalse();
    }

    private static AlpacaAccount Account(decimal cash) => new() { Id = "id", AccountNumber = "PA1", Cash = cash, Equity = 2_500m };

    private sealed class ScriptedBroker(IReadOnlyList<AlpacaPosition>[] positions, AlpacaAccount[] accounts)
    {
        private int _positions;
        private int _accounts;

        public IReadOnlyList<AlpacaPosition>[] Positions => positions;

        public List<string> Calls { get; } = [];

        public Task<AlpacaAccount> AccountAsync(CancellationToken cancellationToken)
        {
            Calls.Add("account");
            return Task.FromResult(accounts[_accounts++]);
        }

        public Task<IReadOnlyList<AlpacaPosition>> PositionsAsync(CancellationToken cancellationToken)
        {
            Calls.Add("positions");
            return Task.FromResult(positions[_positions++]);
        }
    }
}
