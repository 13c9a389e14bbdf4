using Nokor.Platform.Khmer;
using Nokor.Platform.Names;

namespace Nokor.Platform.Tests.Names;

public sealed class NameDistanceTests
{
    [Theory]
    [InlineData("sokha", "sokha", 2, 0)]
    [InlineData("sokha", "sokhe", 2, 1)] // substitution
    [InlineData("sophal", "sopal", 2, 1)] // deletion
    [InlineData("dara", "darra", 2, 1)] // insertion
    [InlineData("sokha", "soakh", 2, 2)] // k-h-a → a-k-h: not a single swap
    [InlineData("chea", "cheа", 2, 1)] // Cyrillic а typed for a Latin a
    [InlineData("sreypich", "sryepich", 2, 1)] // swap of neighbours
    [InlineData("kosal", "koasl", 2, 1)] // swap of neighbours
    [InlineData("ca", "abc", 3, 3)] // OSA, not full Damerau (which gives 2)
    [InlineData("", "sok", 3, 3)]
    [InlineData("sok", "", 3, 3)]
    public void Latin_is_the_optimal_string_alignment_distance(string a, string b, int max, int expected) =>
        Assert.Equal(expected, NameDistance.Latin(a, b, max));

    [Theory]
    [InlineData("sovannarith", "sovanarit", 1, 2)] // two edits, bound 1: max + 1
    [InlineData("sok", "chanthoeun", 2, 3)] // length difference alone exceeds the bound
    [InlineData("dara", "sopheap", 1, 2)]
    [InlineData("sok", "sok", 0, 0)]
    [InlineData("sok", "sak", 0, 1)]
    public void Latin_is_bounded_at_max_plus_one(string a, string b, int max, int expected) =>
        Assert.Equal(expected, NameDistance.Latin(a, b, max));

    [Fact]
    public void Latin_handles_long_strings_beyond_the_stack_buffer()
    {
        var a = new string('a', 100) + "sok";
        var b = new string('a', 100) + "sak";
        Assert.Equal(1, NameDistance.Latin(a, b, 2));
    }

    [Fact]
    public void Khmer_counts_a_dropped_subscript_cluster_as_one_edit()
    {
        // សុវណ្ណ vs សុវណ: the subscript ណ written or not changes one cluster.
        Assert.Equal(1, NameDistance.Khmer(NameKeys.KhmerKey("សុវណ្ណ"), NameKeys.KhmerKey("សុវណ"), 1));
        // ចាន់ធឿន without its first syllable's bantoc cluster ន់: one cluster deleted.
        Assert.Equal(1, NameDistance.Khmer(NameKeys.KhmerKey("ចាន់ធឿន"), NameKeys.KhmerKey("ចាធឿន"), 1));
    }

    [Fact]
    public void Khmer_counts_another_vowel_sign_or_swapped_clusters_as_one_edit()
    {
        // សុភា / សុភី: another vowel sign on one cluster.
        Assert.Equal(1, NameDistance.Khmer(NameKeys.KhmerKey("សុភា"), NameKeys.KhmerKey("សុភី"), 1));
        // ដារ៉ា / រ៉ាដា: the two clusters swapped.
        Assert.Equal(1, NameDistance.Khmer(NameKeys.KhmerKey("ដារ៉ា"), NameKeys.KhmerKey("រ៉ាដា"), 1));
        Assert.Equal(0, NameDistance.Khmer(NameKeys.KhmerKey("សុខ ហេង"), NameKeys.KhmerKey("សុខហេង"), 1));
        // Bounded: សុខ vs វិចិត្រ differ in every cluster.
        Assert.Equal(2, NameDistance.Khmer(NameKeys.KhmerKey("សុខ"), NameKeys.KhmerKey("វិចិត្រ"), 1));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    [InlineData(15, 2)]
    public void Allowed_latin_edits_grow_with_the_length(int letters, int allowed) =>
        Assert.Equal(allowed, NameDistance.AllowedLatin(letters));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(5, 1)]
    public void Allowed_khmer_edits_need_two_clusters(int clusters, int allowed) =>
        Assert.Equal(allowed, NameDistance.AllowedKhmer(clusters));

    [Fact]
    public void Latin_distance_and_fold_allocate_nothing_but_the_result()
    {
        // Warm up (JIT, static tables).
        NameDistance.Latin("sovannarith", "sovanarit", 2);
        LatinNames.Fold("sreypich");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var d = NameDistance.Latin("sovannarith", "sovanarit", 2);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2, d);

        before = GC.GetAllocatedBytesForCurrentThread();
        var key = LatinNames.Fold("chhoeunsreypich");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("cheunsripich", key);
        // One string of 12 characters: its header and characters, nothing else.
        Assert.True(allocated <= 64, $"{allocated} bytes");
    }
}
