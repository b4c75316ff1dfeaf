using TradeNova.Execution.Market;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Apis;

/// <summary>
/// Field rules of an order request. Unknown symbols are refused here (400), before anything is stored: Execution owns
/// the universe, so it need not ask Risk (which would answer <c>risk.unknown_symbol</c>).
/// </summary>
public static class OrderRequestValidator
{
    public const int MaxIdempotencyKeyLength = 128;
    public const decimal MaxQuantity = 1_000_000m;
    public const decimal MaxNotional = 10_000_000m;
    public const decimal MaxPrice = 1_000_000m;

    public static OrderDraft? Validate(PlaceOrderRequest? request, string? idempotencyKey, ValidationErrors errors)
    {
        ValidateKey(idempotencyKey, errors);
        if (request is null)
        {
            errors.Add("body", "A JSON order is required.");
            return null;
        }

        var symbol = request.Symbol is null ? null : SymbolUniverse.Normalize(request.Symbol);
        errors.Check(!string.IsNullOrEmpty(symbol), "symbol", "Required.");
        if (!string.IsNullOrEmpty(symbol))
        {
            errors.Check(SymbolUniverse.Contains(symbol), "symbol", $"Unknown symbol '{symbol}'; GET /api/v1/market/symbols lists the tradable ones.");
        }

        var side = request.Side?.Trim().ToLowerInvariant();
        errors.Check(side is not null && OrderSides.All.Contains(side), "side", "Must be buy or sell.");
        var type = request.Type?.Trim().ToLowerInvariant();
        errors.Check(type is not null && OrderTypes.All.Contains(type), "type", "Must be market, limit, stop or stop_limit.");
        var timeInForce = request.TimeInForce?.Trim().ToLowerInvariant() ?? TimesInForce.Day;
        errors.Check(TimesInForce.All.Contains(timeInForce), "timeInForce", "Must be day, gtc, ioc or fok.");
        if (timeInForce is TimesInForce.Ioc or TimesInForce.Fok && type is OrderTypes.Stop or OrderTypes.StopLimit)
        {
            errors.Add("timeInForce", "ioc and fok apply to market and limit orders only.");
        }

        ValidateSize(request, type, errors);
        ValidatePrice(request.LimitPrice, "limitPrice", type is not null && OrderTypes.NeedsLimitPrice(type), type, errors);
        ValidatePrice(request.StopPrice, "stopPrice", type is not null && OrderTypes.NeedsStopPrice(type), type, errors);
        ValidateBracket(request, side, errors);
        var mode = request.Mode?.Trim().ToLowerInvariant();
        errors.Check(mode is null or TradingModes.Paper or TradingModes.Live, "mode", "Must be paper or live (absent: the account's mode).");

        return errors.HasErrors
            ? null
            : new OrderDraft(symbol!, side!, type!, timeInForce, request.Quantity, request.Notional, request.LimitPrice,
                request.StopPrice, request.StopLoss, request.TakeProfit, mode);
    }

    public static void ValidateKey(string? idempotencyKey, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            errors.Add("Idempotency-Key", "The Idempotency-Key header is required (a unique string per order, e.g. a UUID).");
        }
        else if (idempotencyKey.Length > MaxIdempotencyKeyLength || idempotencyKey.Any(c => c < 0x21 || c > 0x7E))
        {
            errors.Add("Idempotency-Key", $"At most {MaxIdempotencyKeyLength} printable ASCII characters.");
        }
    }

    public static void ValidateQuantity(decimal quantity, string? type, ValidationErrors errors, string field = "quantity")
    {
        errors.Check(quantity > 0m, field, "Must be greater than zero.");
        errors.Check(quantity <= MaxQuantity, field, $"At most {MaxQuantity} shares.");
        errors.Check(type == OrderTypes.Market || decimal.Floor(quantity) == quantity, field, "Fractional quantities are allowed for market orders only.");
        errors.Check(decimal.Round(quantity, 6) == quantity, field, "At most 6 decimal places.");
    }

    public static void ValidatePrice(decimal? price, string field, bool required, string? type, ValidationErrors errors)
    {
        if (price is null)
        {
            errors.Check(!required, field, $"Required for {type} orders.");
            return;
        }

        if (!required)
        {
            errors.Add(field, type is null ? "Not allowed for this order type." : $"Not allowed for {type} orders.");
            return;
        }

        CheckPositive(price.Value, field, errors);
    }

    private static void ValidateSize(PlaceOrderRequest request, string? type, ValidationErrors errors)
    {
        if (request.Quantity is null == request.Notional is null)
        {
            errors.Add(request.Quantity is null ? "quantity" : "notional", "Give exactly one of quantity (shares) or notional (dollars).");
            return;
        }

        if (request.Quantity is { } quantity)
        {
            ValidateQuantity(quantity, type, errors);
            return;
        }

        var notional = request.Notional!.Value;
        errors.Check(type is null || type == OrderTypes.Market, "notional", "Notional (dollar) orders must be market orders.");
        errors.Check(notional >= 1m, "notional", "At least $1.");
        errors.Check(notional <= MaxNotional, "notional", $"At most ${MaxNotional}.");
        errors.Check(decimal.Round(notional, 2) == notional, "notional", "At most 2 decimal places (cents).");
    }

    private static void ValidateBracket(PlaceOrderRequest request, string? side, ValidationErrors errors)
    {
        if (request.StopLoss is { } stopLoss)
        {
            CheckPositive(stopLoss, "stopLoss", errors);
        }

        if (request.TakeProfit is { } takeProfit)
        {
            CheckPositive(takeProfit, "takeProfit", errors);
        }

        if (request is { StopLoss: { } sl, TakeProfit: { } tp })
        {
            errors.Check(side != OrderSides.Buy || sl < tp, "stopLoss", "For a buy the stop-loss must be below the take-profit.");
            errors.Check(side != OrderSides.Sell || sl > tp, "stopLoss", "For a sell the stop-loss must be above the take-profit.");
        }
    }

    private static void CheckPositive(decimal price, string field, ValidationErrors errors)
    {
        errors.Check(price > 0m, field, "Must be greater than zero.");
        errors.Check(price <= MaxPrice, field, $"At most {MaxPrice}.");
        errors.Check(decimal.Round(price, 4) == price, field, "At most 4 decimal places.");
    }
}
