using Nokor.Platform.Khmer;

namespace Nokor.Platform.Tests.Khmer;

public sealed class KhmerClustersTests
{
    [Theory]
    [InlineData("ច្បាប់", new[] { "ច្បា", "ប់" })]
    [InlineData("ព្រឹទ្ធសភា", new[] { "ព្រឹ", "ទ្ធ", "ស", "ភា" })]
    [InlineData("ស្ត្រី", new[] { "ស្ត្រី" })]
    [InlineData("មាត្រា ១២", new[] { "មា", "ត្រា" })]
    [InlineData("law ច្បាប់ law", new[] { "ច្បា", "ប់" })]
    public void Splits_into_orthographic_syllables(string text, string[] expected)
    {
        Assert.Equal(expected, KhmerClusters.Split(KhmerText.Normalize(text)));
    }

    [Fact]
    public void A_stray_mark_or_other_script_is_one_character()
    {
        Assert.Equal(1, KhmerClusters.Length("\u17B6ក"));
        Assert.Equal(1, KhmerClusters.Length("ab"));
        Assert.Equal(0, KhmerClusters.Length(""));
        Assert.Equal(3, KhmerClusters.Length("ក្ស ក"));
    }

    [Fact]
    public void Other_scripts_are_grapheme_clusters_so_nothing_is_cut_in_half()
    {
        Assert.Equal(2, KhmerClusters.Length("e\u0301x"));
        Assert.Equal(2, KhmerClusters.Length("\U0001F600a"));
        Assert.Equal(1, KhmerClusters.Length(" ក"));
    }

    [Fact]
    public void A_stray_mark_takes_the_marks_after_it_along()
    {
        Assert.Equal(2, KhmerClusters.Length("\u17B6\u17C6ក"));
        Assert.Equal(1, KhmerClusters.Length("។ក"));
    }

    [Fact]
    public void Bounds_cover_the_whole_text_and_split_only_keeps_the_syllables()
    {
        const string text = "ស្ត្រី e\u0301 ១២";

        var bounds = KhmerClusters.Bounds(text);

        Assert.Equal(["ស្ត្រី", " ", "e\u0301", " ", "១", "២"], bounds.Select(b => text.Substring(b.Start, b.Length)));
        Assert.Equal(["ស្ត្រី"], KhmerClusters.Split(text));
    }
}
