using MassTransit;
using Microsoft.Extensions.Options;
using TradeNova.Backtest.Running;

namespace TradeNova.Backtest.Jobs;

/// <summary>One durable queue shared by every Backtest instance (competing consumers); each instance runs up to one
/// job per core at once. Prefetch equals the concurrency so an idle instance is never starved by a busy one holding
/// messages it cannot start yet.</summary>
public sealed class RunBacktestJobConsumerDefinition : ConsumerDefinition<RunBacktestJobConsumer>
{
    private readonly int _concurrency;

    public RunBacktestJobConsumerDefinition(IOptions<BacktestLimits> limits)
    {
        _concurrency = limits.Value.WorkerConcurrency > 0 ? limits.Value.WorkerConcurrency : Environment.ProcessorCount;
        ConcurrentMessageLimit = _concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RunBacktestJobConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _concurrency;
    }
}
