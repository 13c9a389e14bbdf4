namespace Nokor.Legislation.Akn;

/// <summary>Structural equality of texts (the records hold lists, which compare by reference).</summary>
internal static class LegalTextEquality
{
    /// <summary>True when both texts have the same work, language, version, title, preamble and units.</summary>
    public static bool AreEqual(LegalText a, LegalText b) =>
        a.Work == b.Work
        && a.Language == b.Language
        && a.VersionDate == b.VersionDate
        && a.Title == b.Title
        && a.Preamble.SequenceEqual(b.Preamble, StringComparer.Ordinal)
        && UnitsEqual(a.Body, b.Body);

    /// <summary>True when both lists hold the same units, all the way down (walked with an explicit stack).</summary>
    public static bool UnitsEqual(IReadOnlyList<TextUnit> a, IReadOnlyList<TextUnit> b)
    {
        var pending = new Stack<(IReadOnlyList<TextUnit> A, IReadOnlyList<TextUnit> B)>();
        pending.Push((a, b));
        while (pending.Count > 0)
        {
            var (left, right) = pending.Pop();
            if (left.Count != right.Count)
            {
                return false;
            }

            for (var i = 0; i < left.Count; i++)
            {
                if (!OwnPartsEqual(left[i], right[i]))
                {
                    return false;
                }

                pending.Push((left[i].Children, right[i].Children));
            }
        }

        return true;
    }

    /// <summary>True when both units have the same kind, eId, number, heading, text and children.</summary>
    public static bool UnitEqual(TextUnit a, TextUnit b) => UnitsEqual([a], [b]);

    private static bool OwnPartsEqual(TextUnit a, TextUnit b) =>
        a.Kind == b.Kind
        && a.EId == b.EId
        && a.Num == b.Num
        && a.Heading == b.Heading
        && a.Text.SequenceEqual(b.Text, StringComparer.Ordinal);
}
