using MassTransit;
using Npgsql;

namespace TradeNova.LoopFloor;

/// <summary>
/// Risk's side of the loop: answers the pre-trade request from its own read model (one row per user: equity, open
/// positions, exposure), which it keeps from the fills and the users' arrival. Two of the platform's limits, checked
/// the same way: position size (10% of equity) and open positions (10).
/// </summary>
public static class RiskRole
{
    public static WebApplication Build(string[] args)
    {
        var builder = FloorHost.CreateBuilder(args);
        builder.AddDatabase();
        builder.AddBus("risk", bus =>
        {
            bus.AddConsumer<CheckOrderConsumer>();
            bus.AddConsumer<RiskFillConsumer>();
            bus.AddConsumer<RiskUserConsumer>();
        });
        var app = builder.Build();
        app.MapHealth();
        return app;
    }

    public sealed class CheckOrderConsumer(NpgsqlDataSource db) : IConsumer<CheckOrder>
    {
        public async Task Consume(ConsumeContext<CheckOrder> context)
        {
            var check = context.Message;
            await using var select = db.CreateCommand("SELECT equity, open_positions, exposure FROM risk.accounts WHERE user_id = $1");
            select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = check.UserId });
            await using var reader = await select.ExecuteReaderAsync(context.CancellationToken);
            var reasons = new List<string>();
            if (!await reader.ReadAsync(context.CancellationToken))
            {
                reasons.Add("account.unknown");
            }
            else
            {
                if (reader.GetDecimal(2) + check.Notional > reader.GetDecimal(0) * 0.10m)
                {
                    reasons.Add("position.max_size");
                }

                if (reader.GetInt32(1) >= 10)
                {
                    reasons.Add("positions.max_open");
                }
            }

            await context.RespondAsync(new OrderChecked(check.OrderId, reasons.Count == 0, [.. reasons]));
        }
    }

    public sealed class RiskFillConsumer(NpgsqlDataSource db) : IConsumer<OrderFilled>
    {
        public async Task Consume(ConsumeContext<OrderFilled> context)
        {
            await using var update = db.CreateCommand("UPDATE risk.accounts SET exposure = exposure + $2, open_positions = GREATEST(open_positions, 1) WHERE user_id = $1");
            update.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = context.Message.UserId });
            update.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = context.Message.Quantity * context.Message.Price });
            await update.ExecuteNonQueryAsync(context.CancellationToken);
        }
    }

    public sealed class RiskUserConsumer(NpgsqlDataSource db) : IConsumer<UserJoined>
    {
        public async Task Consume(ConsumeContext<UserJoined> context)
        {
            await using var insert = db.CreateCommand("INSERT INTO risk.accounts (user_id, equity, open_positions, exposure) VALUES ($1, $2, 0, 0) ON CONFLICT DO NOTHING");
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = context.Message.UserId });
            insert.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = context.Message.Cash });
            await insert.ExecuteNonQueryAsync(context.CancellationToken);
        }
    }
}
