using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.UnitTests.ServiceDefaults;

public sealed class TextInputTests
{
    [Fact]
    public void Truncating_never_splits_a_surrogate_pair()
    {
        // The login probe: 253 × 'a' then an emoji; cutting at 254 UTF-16 units would keep half of the emoji.
        var email = new string('a', 253) + "😀x@x.com";

        var cut = TextInput.Truncate(email, 254);

        cut.ShouldBe(new string('a', 253));
        TextInput.IsStorable(cut).ShouldBeTrue();
    }

    [Fact]
    public void Truncating_keeps_a_whole_pair_that_fits() =>
        TextInput.Truncate("ab😀cd", 4).ShouldBe("ab😀");

    // Built from chars in the test: theory data is serialised as UTF-8, which turns a lone surrogate into U+FFFD.
    [Fact]
    public void Nul_and_unpaired_surrogates_are_not_storable()
    {
        string[] values = ["a\0b", "a" + (char)0xD800 + "b", ((char)0xDC00).ToString(), "end" + (char)0xD83D, (char)0xDC00 + "😀"];

        values.ShouldAllBe(value => !TextInput.IsStorable(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("emoji 😀 and RTL \u202Etext")]
    public void Ordinary_text_is_storable(string value) =>
        TextInput.IsStorable(value).ShouldBeTrue();
}
