using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Orders;

/// <summary>The new order, or why there is none: not the caller's, not replaceable (the old order), or invalid fields.</summary>
public sealed record ReplaceOutcome(Order? Created, bool NotFound = false, Order? NotOpen = null, ValidationErrors? Errors = null);
