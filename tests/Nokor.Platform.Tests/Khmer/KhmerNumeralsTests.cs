using Nokor.Platform.Khmer;

namespace Nokor.Platform.Tests.Khmer;

public sealed class KhmerNumeralsTests
{
    [Theory]
    [InlineData("១២", 12)]
    [InlineData("12", 12)]
    [InlineData("០", 0)]
    [InlineData("១៩៩៣", 1993)]
    [InlineData("១2", 12)]
    public void Parses_digits(string text, int expected)
    {
        Assert.True(KhmerNumerals.TryParseDigits(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a")]
    [InlineData("-1")]
    [InlineData("១ ២")]
    [InlineData("1234567890")]
    public void Refuses_non_numbers(string text) => Assert.False(KhmerNumerals.TryParseDigits(text, out _));

    [Fact]
    public void Converts_both_ways()
    {
        Assert.Equal("១២៣", KhmerNumerals.ToKhmer(123));
        Assert.Equal("មាត្រា ១២", KhmerNumerals.ToKhmerDigits("មាត្រា 12"));
        Assert.Equal("Article 12", KhmerNumerals.ToArabicDigits("Article ១២"));
        Assert.Equal("2026-11-23 09:30", KhmerNumerals.ToArabicDigits(KhmerNumerals.ToKhmerDigits("2026-11-23 09:30")));
        Assert.Equal('7', KhmerNumerals.ToArabicDigit('៧'));
        Assert.Equal('ក', KhmerNumerals.ToArabicDigit('ក'));
        for (var i = 0; i < 200; i++)
        {
            Assert.True(KhmerNumerals.TryParseDigits(KhmerNumerals.ToKhmer(i), out var back));
            Assert.Equal(i, back);
        }
    }

    [Theory]
    [InlineData("I", 1)]
    [InlineData("iv", 4)]
    [InlineData("IX", 9)]
    [InlineData("XIV", 14)]
    [InlineData("XL", 40)]
    [InlineData("XLIX", 49)]
    [InlineData("L", 50)]
    [InlineData("MCMXCIII", 1993)]
    public void Parses_roman_numerals(string text, int expected)
    {
        Assert.True(KhmerNumerals.TryParseRoman(text, out var value));
        Assert.Equal(expected, value);
        Assert.True(KhmerNumerals.TryParse(text, out var any, allowRoman: true));
        Assert.Equal(expected, any);
        Assert.False(KhmerNumerals.TryParse(text, out _));
    }

    [Theory]
    [InlineData("IIII")]
    [InlineData("IL")]
    [InlineData("VX")]
    [InlineData("ABC")]
    [InlineData("")]
    public void Refuses_non_canonical_roman_numerals(string text) => Assert.False(KhmerNumerals.TryParseRoman(text, out _));

    [Fact]
    public void Roman_round_trips_from_one_to_fifty()
    {
        for (var i = 1; i <= 50; i++)
        {
            Assert.True(KhmerNumerals.TryParseRoman(KhmerNumerals.ToRoman(i), out var back));
            Assert.Equal(i, back);
        }
    }
}
