using Microsoft.Extensions.Options;
using TradeNova.Contracts.Portfolio;
using TradeNova.Portfolio.Model;
using TradeNova.Portfolio.Notifications;
using TradeNova.UnitTests.Auth;

namespace TradeNova.UnitTests.Portfolio;

public sealed class PortfolioPeersTests
{
    private static readonly PortfolioOptions Options = new()
    {
        PresenceInterval = TimeSpan.FromSeconds(10), PeerTimeout = TimeSpan.FromSeconds(35), PeerGrace = TimeSpan.FromSeconds(5),
    };

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    private PortfolioPeers NewPeers() => new(_time, Microsoft.Extensions.Options.Options.Create(Options));

    [Fact]
    public void A_new_instance_is_not_alone_until_its_grace_has_passed_without_hearing_from_another()
    {
        var peers = NewPeers();
        peers.Alone().ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(4.9));
        peers.Alone().ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(0.1));
        peers.Alone().ShouldBeTrue();
    }

    [Fact]
    public void Another_instance_counts_until_the_timeout_after_its_last_announcement()
    {
        var peers = NewPeers();
        _time.Advance(TimeSpan.FromSeconds(10));
        peers.Heard(new PortfolioInstanceOnline("other", _time.GetUtcNow())).ShouldBeTrue(); // first heard: answer it
        peers.Alone().ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(10));
        peers.Heard(new PortfolioInstanceOnline("other", _time.GetUtcNow())).ShouldBeFalse(); // known: no answer
        _time.Advance(TimeSpan.FromSeconds(35));
        peers.Alone().ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(0.001));
        peers.Alone().ShouldBeTrue();
        peers.Heard(new PortfolioInstanceOnline("other", _time.GetUtcNow())).ShouldBeTrue(); // back after the timeout
        peers.Alone().ShouldBeFalse();
    }

    [Fact]
    public void Its_own_announcements_and_answers_to_it_are_not_answered()
    {
        var peers = NewPeers();
        _time.Advance(TimeSpan.FromSeconds(10));
        peers.Heard(peers.Announcement()).ShouldBeFalse();
        peers.Alone().ShouldBeTrue();
        peers.Heard(new PortfolioInstanceOnline("other", _time.GetUtcNow(), Reply: true)).ShouldBeFalse();
        peers.Alone().ShouldBeFalse();
        peers.Announcement(reply: true).ShouldBe(new PortfolioInstanceOnline(peers.InstanceId, _time.GetUtcNow(), true));
    }
}
