using Nokor.Platform.Khmer;
using Nokor.Platform.Pdf;

namespace Nokor.Platform.Tests.Pdf;

public sealed class LineWrappingTests
{
    private static readonly TextStyle s_style = new(12);

    [Fact]
    public void Khmer_clusters_keep_subscripts_and_vowels_with_their_base()
    {
        var text = "ស្ត្រីក្រុងកេ";

        var clusters = KhmerClusters.Bounds(text).Select(c => text.Substring(c.Start, c.Length)).ToArray();

        Assert.Equal(["ស្ត្រី", "ក្រុ", "ង", "កេ"], clusters);
    }

    [Fact]
    public void Latin_clusters_are_grapheme_clusters()
    {
        var text = "Ae\u0301 b";

        var clusters = KhmerClusters.Bounds(text).Select(c => text.Substring(c.Start, c.Length)).ToArray();

        Assert.Equal(["A", "e\u0301", " ", "b"], clusters);
    }

    [Fact]
    public void Latin_text_breaks_at_spaces_filling_each_line()
    {
        using var renderer = new TextRenderer();
        const string text = "Kingdom of Cambodia Nation Religion King";
        var width = renderer.Measure("Kingdom of", s_style) + 1;

        var lines = renderer.Wrap(text, s_style, width);

        Assert.Equal("Kingdom of", lines[0]);
        Assert.Equal(text, string.Join(' ', lines));
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.True(renderer.Measure(lines[i], s_style) <= width, $"'{lines[i]}' is too wide");
            if (i + 1 < lines.Count)
            {
                var withNextWord = lines[i] + " " + lines[i + 1].Split(' ')[0];
                Assert.True(renderer.Measure(withNextWord, s_style) > width, $"'{withNextWord}' would have fitted");
            }
        }
    }

    [Fact]
    public void Khmer_text_breaks_at_zero_width_spaces()
    {
        using var renderer = new TextRenderer();
        const string zwsp = "\u200B";
        var words = new[] { "ព្រះរាជាណាចក្រ", "កម្ពុជា", "ជាតិ", "សាសនា", "ព្រះមហាក្សត្រ" };
        var width = renderer.Measure(words[0] + words[1], s_style) + 1;

        var lines = renderer.Wrap(string.Join(zwsp, words), s_style, width);

        Assert.Equal(words[0] + zwsp + words[1], lines[0]);
        Assert.All(lines, l => Assert.True(renderer.Measure(l, s_style) <= width));
        Assert.Equal(string.Concat(words), string.Concat(lines).Replace(zwsp, "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_khmer_word_wider_than_the_line_breaks_between_clusters_only()
    {
        using var renderer = new TextRenderer();
        var text = string.Concat(Enumerable.Repeat("ស្ត្រីក្រុងព្រះរាជាណាចក្រកម្ពុជា", 4));
        var width = renderer.Measure("ស្ត្រីក្រុង", s_style);

        var lines = renderer.Wrap(text, s_style, width);

        Assert.True(lines.Count > 4);
        Assert.Equal(text, string.Concat(lines));
        var boundaries = KhmerClusters.Bounds(text).Select(c => c.Start).ToHashSet();
        var offset = 0;
        foreach (var line in lines)
        {
            Assert.Contains(offset, boundaries);
            Assert.NotEqual(KhmerClusters.Coeng, line[^1]);
            Assert.False(Nokor.Platform.Khmer.KhmerText.IsCombining(line[0]), $"line starts with a mark: {line}");
            Assert.True(renderer.Measure(line, s_style) <= width + 0.01f, $"'{line}' is too wide");
            offset += line.Length;
        }
    }

    [Fact]
    public void Line_feeds_are_hard_breaks_and_empty_lines_are_kept()
    {
        using var renderer = new TextRenderer();

        var lines = renderer.Wrap("one\n\ntwo", s_style, 1000);

        Assert.Equal(["one", "", "two"], lines);
    }

    [Fact]
    public void A_single_cluster_wider_than_the_line_still_gets_a_line()
    {
        using var renderer = new TextRenderer();

        var lines = renderer.Wrap("ស្ត្រី", s_style, 1);

        Assert.Equal(["ស្ត្រី"], lines);
    }
}
