using Microsoft.EntityFrameworkCore;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.UnitTests.ServiceDefaults;

public class OutboxRetryDelayTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(8, 128)]
    [InlineData(20, 300)]
    public void Failed_publishes_back_off_exponentially_up_to_the_cap(int attempts, int expectedSeconds)
    {
        OutboxProcessor<DbContext>.RetryDelay(attempts, TimeSpan.FromMinutes(5)).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }
}
