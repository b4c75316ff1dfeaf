namespace TradeNova.Execution.Brokers.Alpaca.Dto;

public static class AlpacaOrderClasses
{
    public const string Simple = "simple";
    public const string Bracket = "bracket";
    public const string Oco = "oco";
    public const string Oto = "oto";
}
