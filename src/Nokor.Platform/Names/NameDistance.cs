using Nokor.Platform.Khmer;

namespace Nokor.Platform.Names;

/// <summary>
/// Edit distances for names, and how many edits a name part of a given length may carry and
/// still count as a typo of another. The distance is the optimal string alignment distance
/// (restricted Damerau–Levenshtein): inserting, deleting or substituting one unit, or swapping two
/// neighbours, costs 1, and no unit is edited twice. For Latin the unit is a letter; for Khmer it
/// is an orthographic cluster (a consonant with its subscripts, vowel and signs,
/// <see cref="KhmerClusters.Split"/>), so a dropped subscript or a wrong vowel sign is one edit,
/// as a clerk sees it.
/// </summary>
public static class NameDistance
{
    private const int StackLimit = 64;

    /// <summary>
    /// The optimal string alignment distance of two spans, bounded: when it is certain to exceed
    /// <paramref name="max"/> the answer is <paramref name="max"/> + 1 (so callers can compare with
    /// max without the full computation). Allocation-free (stack buffers) when <paramref name="b"/> has
    /// at most 63 characters.
    /// </summary>
    public static int Latin(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (a.SequenceEqual(b))
        {
            return 0;
        }

        if (max < 0)
        {
            return max + 1;
        }

        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        var width = b.Length + 1;
        Span<int> rows = width <= StackLimit ? stackalloc int[width * 3] : new int[width * 3];
        return Osa(a, b, max, rows, width);
    }

    /// <summary>
    /// The optimal string alignment distance over the orthographic clusters of two Khmer keys
    /// (<see cref="NameKeys.KhmerKey(string)"/>): a missing subscript cluster, a cluster with another
    /// vowel sign, or two clusters swapped are one edit each. Bounded like <see cref="Latin"/>.
    /// </summary>
    public static int Khmer(string aKey, string bKey, int max)
    {
        ArgumentNullException.ThrowIfNull(aKey);
        ArgumentNullException.ThrowIfNull(bKey);
        if (string.Equals(aKey, bKey, StringComparison.Ordinal))
        {
            return 0;
        }

        if (max < 0)
        {
            return max + 1;
        }

        var a = KhmerClusters.Split(aKey);
        var b = KhmerClusters.Split(bKey);
        return Clusters(a, b, max);
    }

    /// <summary>The bounded optimal string alignment distance over two cluster lists (ordinal equality of clusters).</summary>
    internal static int Clusters(IReadOnlyList<string> a, IReadOnlyList<string> b, int max)
    {
        if (Math.Abs(a.Count - b.Count) > max)
        {
            return max + 1;
        }

        if (a.Count == 0 || b.Count == 0)
        {
            return Math.Max(a.Count, b.Count);
        }

        var width = b.Count + 1;
        Span<int> rows = width <= StackLimit ? stackalloc int[width * 3] : new int[width * 3];
        return Osa(Span(a), Span(b), max, rows, width);
    }

    private static ReadOnlySpan<string> Span(IReadOnlyList<string> list) =>
        list is List<string> l ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(l) : list.ToArray();

    /// <summary>Edits allowed for a Latin name part of this many letters: none below 3 letters, 1 below 8, else 2.</summary>
    public static int AllowedLatin(int letters) => letters < 3 ? 0 : letters < 8 ? 1 : 2;

    /// <summary>Edits allowed for a Khmer name part of this many clusters: none for a single cluster, else 1.</summary>
    public static int AllowedKhmer(int clusters) => clusters < 2 ? 0 : 1;

    /// <summary>The bounded distance over letters or clusters (units compared ordinally).</summary>
    private static int Osa<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int max, Span<int> rows, int width)
        where T : IEquatable<T>
    {
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            var ca = a[i - 1];
            for (var j = 1; j < width; j++)
            {
                var cb = b[j - 1];
                var cost = ca.Equals(cb) ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca.Equals(b[j - 2]) && a[i - 2].Equals(cb))
                {
                    d = Math.Min(d, previous2[j - 2] + 1);
                }

                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        var result = previous[width - 1];
        return result > max ? max + 1 : result;
    }
}
