namespace Nokor.Legislation.Akn;

/// <summary>Structural equality of texts (the records hold lists, which compare by reference).</summary>
public static class LegalTextEquality
{
    /// <summary>True when both texts have the same work, language, version, title, preamble and units.</summary>
    public static bool AreEqual(LegalText a, LegalText b) =>
        a.Work == b.Work
        && a.Language == b.Language
        && a.VersionDate == b.VersionDate
        && a.Title == b.Title
        && a.Preamble.SequenceEqual(b.Preamble, StringComparer.Ordinal)
        && UnitsEqual(a.Body, b.Body);

    /// <summary>True when both lists hold the same units, recursively.</summary>
    public static bool UnitsEqual(IReadOnlyList<TextUnit> a, IReadOnlyList<TextUnit> b) =>
        a.Count == b.Count && a.Zip(b).All(p => UnitEqual(p.First, p.Second));

    /// <summary>True when both units have the same kind, eId, number, heading, text and children.</summary>
    public static bool UnitEqual(TextUnit a, TextUnit b) =>
        a.Kind == b.Kind
        && a.EId == b.EId
        && a.Num == b.Num
        && a.Heading == b.Heading
        && a.Text.SequenceEqual(b.Text, StringComparer.Ordinal)
        && UnitsEqual(a.Children, b.Children);
}
