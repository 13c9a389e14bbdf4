using Nokor.Platform.Khmer;

namespace Nokor.Platform.Tests.Khmer;

/// <summary>The one line breaker of PDF text and chart labels, with a width of one unit per character.</summary>
public sealed class LineBreakerTests
{
    private static Func<string, bool> Narrower(int characters) => line => line.Length <= characters;

    [Fact]
    public void Lines_fill_greedily_and_break_after_spaces_and_zero_width_spaces()
    {
        var lines = LineBreaker.Break("one two\u200Bthree  four", Narrower(9), out var wholeWords);

        Assert.Equal(["one two", "three", "four"], lines);
        Assert.True(wholeWords);
    }

    [Fact]
    public void A_word_wider_than_the_line_breaks_between_clusters_and_says_so()
    {
        var lines = LineBreaker.Break("ស្ត្រីស្ត្រី ok", Narrower(9), out var wholeWords);

        Assert.Equal(["ស្ត្រី", "ស្ត្រី ok"], lines);
        Assert.False(wholeWords);
    }

    [Fact]
    public void Every_line_gets_at_least_one_cluster_and_empty_text_has_no_line()
    {
        Assert.Equal(["ស្ត្រី", "ក"], LineBreaker.Break("ស្ត្រីក", Narrower(1), out _));
        Assert.Empty(LineBreaker.Break("", Narrower(10), out var wholeWords));
        Assert.True(wholeWords);
    }

    [Fact]
    public void Trailing_spaces_take_no_room_and_a_no_break_space_does_not_break()
    {
        Assert.Equal(["a\u00A0b", "c"], LineBreaker.Break("a\u00A0b   c", Narrower(3), out _));
        Assert.Equal("word", LineBreaker.TrimLineEnd("word \t\u200B"));
    }
}
