using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.UnitTests.ServiceDefaults;

public sealed class TextInputTests
{
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
