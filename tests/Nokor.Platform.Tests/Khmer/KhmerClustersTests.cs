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
}
