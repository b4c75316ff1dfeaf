using TradeNova.Identity.Audit;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.UnitTests.Identity;

public sealed class AuditLogTruncationTests
{
    [Fact]
    public void Truncating_never_splits_a_surrogate_pair()
    {
        // The login probe: 253 × 'a' then an emoji; cutting at 254 UTF-16 units would keep half of the emoji.
        var email = new string('a', 253) + "😀x@x.com";

        var cut = AuditLog.Truncate(email, AuditLog.MaxEmailLength);

        cut.ShouldBe(new string('a', 253));
        TextInput.IsStorable(cut).ShouldBeTrue();
    }

    [Fact]
    public void Truncating_keeps_a_whole_pair_that_fits() =>
        AuditLog.Truncate("ab😀cd", 4).ShouldBe("ab😀");
}
