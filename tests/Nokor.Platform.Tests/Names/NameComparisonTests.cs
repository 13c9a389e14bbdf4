using Nokor.Platform.Names;

namespace Nokor.Platform.Tests.Names;

public sealed class NameComparisonTests
{
    [Theory]
    [InlineData("Sok", "SOK", NameMatchKind.Exact)]
    [InlineData("Srey Mom", "Sreymom", NameMatchKind.Exact)]
    [InlineData("Kéo", "Keo", NameMatchKind.Exact)]
    [InlineData("Chia", "Chea", NameMatchKind.Variant)]
    [InlineData("Chhon", "Chhorn", NameMatchKind.Variant)]
    [InlineData("Gosal", "Kosal", NameMatchKind.Variant)]
    [InlineData("Sreipich", "Sreypich", NameMatchKind.Variant)]
    [InlineData("Sopheab", "Sopheap", NameMatchKind.Variant)]
    [InlineData("Sopheaq", "Sopheap", NameMatchKind.Typo)]
    [InlineData("Sokhaa", "Sopha", NameMatchKind.Typo)] // folds soka / sopa: one edit
    [InlineData("Sokha", "Dara", NameMatchKind.None)]
    [InlineData("Sam", "Sok", NameMatchKind.None)]
    [InlineData("Chan", "Chea", NameMatchKind.None)]
    [InlineData("", "Sok", NameMatchKind.None)]
    public void Latin_against_a_stored_latin_name(string claimed, string stored, NameMatchKind kind) =>
        Assert.Equal(kind, NameComparison.Latin(claimed, stored, "").Kind);

    [Fact]
    public void Latin_meets_the_stored_khmer_in_the_other_script()
    {
        // No stored Latin: only the romanized Khmer can answer.
        var found = NameComparison.Latin("Pheakdei", "", "ភក្តី");
        Assert.Equal(NameMatchKind.OtherScript, found.Kind);
        Assert.Equal(0, found.Distance);

        // A stored Latin that is another name's spelling: the Khmer still meets.
        Assert.Equal(NameMatchKind.OtherScript, NameComparison.Latin("Sreypov", "Sreypeou", "ស្រីពៅ").Kind);

        // A typo of the romanization, with no stored Latin.
        Assert.Equal(NameMatchKind.Typo, NameComparison.Latin("Pheakdoy", "", "ភក្តី").Kind);
        Assert.Equal(NameMatchKind.None, NameComparison.Latin("Sophal", "", "ភក្តី").Kind);
    }

    [Fact]
    public void Latin_distances_are_reported()
    {
        Assert.Equal(new NameMatch(NameMatchKind.Exact, 0), NameComparison.Latin("Sok-Dara", "sok dara", ""));
        Assert.Equal(new NameMatch(NameMatchKind.Variant, 1), NameComparison.Latin("Chia", "Chea", ""));
        Assert.Equal(new NameMatch(NameMatchKind.Typo, 1), NameComparison.Latin("Visak", "Visal", ""));
        // Letters sovanarat / sovannarith are 3 edits apart, their folds sopanarat / sopanarit 1: the smaller counts.
        Assert.Equal(new NameMatch(NameMatchKind.Typo, 1), NameComparison.Latin("Sovanarat", "Sovannarith", ""));
        Assert.Equal(new NameMatch(NameMatchKind.Typo, 2), NameComparison.Latin("Sovanarota", "Sovannarith", ""));
    }

    [Fact]
    public void Khmer_exact_when_the_keys_are_equal()
    {
        Assert.Equal(new NameMatch(NameMatchKind.Exact, 0), NameComparison.Khmer("សុខ", "សុខ"));
        // Spaces and the order the marks were typed in do not matter.
        Assert.Equal(NameMatchKind.Exact, NameComparison.Khmer("ស្រី មុំ", "ស្រីមុំ").Kind);
        Assert.Equal(NameMatchKind.Exact, NameComparison.Khmer("ស\u17BB\u17CAន", "ស៊ុន").Kind);
    }

    [Fact]
    public void Khmer_variant_when_the_romanizations_fold_alike()
    {
        // ចំរើន / ចម្រើន: Chamroeun written with NIKAHIT or with a subscript MO, two clusters apart.
        var found = NameComparison.Khmer("ចម្រើន", "ចំរើន");
        Assert.Equal(NameMatchKind.Variant, found.Kind);
        Assert.Equal(2, found.Distance);
        // ពិសិដ្ឋ / ពិសិដ: the silent subscript left out.
        Assert.Equal(NameMatchKind.Variant, NameComparison.Khmer("ពិសិដ", "ពិសិដ្ឋ").Kind);
    }

    [Fact]
    public void Khmer_surnames_that_fold_alike_but_are_written_with_other_letters_are_not_variants_of_each_other()
    {
        // កឹម Kem and ខឹម Khem, ឌី Dy and ធី Thy: the search ranks them near each other, an identity check keeps them apart.
        Assert.NotEqual(NameMatchKind.Variant, NameComparison.Khmer("ខឹម", "កឹម").Kind);
        Assert.False(NameComparison.Khmer("ខឹម", "កឹម").IsSameName);
        Assert.False(NameComparison.Khmer("ធី", "ឌី").IsSameName);
    }

    [Fact]
    public void Khmer_typo_within_one_cluster_edit_of_a_longer_name()
    {
        // សុភា / សុភី: another vowel sign (Sophea / Sophei are different readings).
        Assert.Equal(new NameMatch(NameMatchKind.Typo, 1), NameComparison.Khmer("សុភី", "សុភា"));
        // A single cluster allows no edit: សុខ / សក.
        Assert.Equal(NameMatchKind.None, NameComparison.Khmer("ស", "សុខ").Kind);
        Assert.Equal(NameMatchKind.None, NameComparison.Khmer("ចាន់", "ជា").Kind);
        Assert.Equal(NameMatchKind.None, NameComparison.Khmer("", "ជា").Kind);
    }

    [Fact]
    public void Same_name_means_exact_variant_or_other_script()
    {
        Assert.True(new NameMatch(NameMatchKind.Exact, 0).IsSameName);
        Assert.True(new NameMatch(NameMatchKind.Variant, 1).IsSameName);
        Assert.True(new NameMatch(NameMatchKind.OtherScript, 0).IsSameName);
        Assert.False(new NameMatch(NameMatchKind.Typo, 1).IsSameName);
        Assert.False(new NameMatch(NameMatchKind.None, 3).IsSameName);
    }
}
