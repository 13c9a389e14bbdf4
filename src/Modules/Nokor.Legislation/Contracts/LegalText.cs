namespace Nokor.Legislation.Contracts;

/// <summary>The Akoma Ntoso document types the Senate holds.</summary>
public enum AknDocType
{
    /// <summary>A law as promulgated (the Constitution included, with subtype "constitution").</summary>
    Act,

    /// <summary>A draft law or proposed law under review.</summary>
    Bill,
}

/// <summary>The structural units of a text, outermost first.</summary>
public enum TextUnitKind
{
    Part,
    Chapter,
    Section,
    Article,
    Paragraph,
}

/// <summary>
/// A work in the OASIS Akoma Ntoso Naming Convention: <c>/akn/kh/{type}[/{subtype}]/{date}/{number}</c>.
/// </summary>
/// <param name="Type">act or bill.</param>
/// <param name="Date">The work's date (FRBRdate): promulgation for an act, the National Assembly's adoption for a bill.</param>
/// <param name="Number">The work's number, lower-case ASCII letters, digits and hyphens (e.g. "12", "constitution").</param>
/// <param name="Subtype">Optional document subtype (e.g. "constitution"), or null.</param>
public sealed record AknWork(AknDocType Type, DateOnly Date, string Number, string? Subtype = null)
{
    public const string Country = "kh";
}

/// <summary>
/// One unit of a text: a part, chapter or section (with children), an article (with paragraphs
/// or with text of its own) or a paragraph.
/// </summary>
/// <param name="Kind">What the unit is.</param>
/// <param name="EId">Its AKN eId, e.g. "chp_1", "art_12", "art_12__para_2" (Arabic digits, stable across versions).</param>
/// <param name="Num">The number as printed, e.g. "មាត្រា ១២" or "Article 12".</param>
/// <param name="Heading">The heading, or null.</param>
/// <param name="Text">The unit's own text paragraphs (already normalized), empty for pure containers.</param>
/// <param name="Children">Sub-units in order.</param>
public sealed record TextUnit(
    TextUnitKind Kind,
    string EId,
    string Num,
    string? Heading,
    IReadOnlyList<string> Text,
    IReadOnlyList<TextUnit> Children);

/// <summary>
/// One expression of a work: the text in one language as it stood from one date. The unit the
/// legal database stores, validates, renders, compares and searches.
/// </summary>
/// <param name="Work">The work it expresses.</param>
/// <param name="Language">ISO 639-2 code: "khm" (the original) or "eng" (a translation).</param>
/// <param name="VersionDate">The date this version applies from, or null for the original version ("khm@").</param>
/// <param name="Title">The document title.</param>
/// <param name="Preamble">Text before the first unit (the enacting formula, recitals), possibly empty.</param>
/// <param name="Body">The top-level units.</param>
public sealed record LegalText(
    AknWork Work,
    string Language,
    DateOnly? VersionDate,
    string Title,
    IReadOnlyList<string> Preamble,
    IReadOnlyList<TextUnit> Body)
{
    /// <summary>Every article of the text in document order, wherever it sits (parts, chapters, sections).</summary>
    public IEnumerable<TextUnit> Articles()
    {
        var stack = new Stack<TextUnit>(Body.Reverse());
        while (stack.Count > 0)
        {
            var unit = stack.Pop();
            if (unit.Kind == TextUnitKind.Article)
            {
                yield return unit;
                continue;
            }

            foreach (var child in unit.Children.Reverse())
            {
                stack.Push(child);
            }
        }
    }
}
