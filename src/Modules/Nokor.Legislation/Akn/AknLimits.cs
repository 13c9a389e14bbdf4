namespace Nokor.Legislation.Akn;

/// <summary>
/// How deep a text may nest. Checked on the raw XML while it streams (<see cref="AknSchema.CheckDepth"/>),
/// before the schema validator, the tree loader or any recursive walker sees the document, and on
/// a <see cref="LegalText"/> before it is written (<see cref="TextUnits.Depth"/>).
/// </summary>
/// <remarks>
/// Real legislation goes about ten levels deep at most: book, part, title, chapter, section,
/// sub-section, article, paragraph, sub-paragraph, point, sub-point. The default of 32
/// hierarchical levels leaves ample room; a document nesting thousands of paragraphs is an
/// attack on the parser, not a law. Every limit a configuration may set is capped by
/// <see cref="HardMaxDepth"/>, so whatever recursion remains in the library (the reader's walk of
/// the element tree, LINQ to XML's <c>Value</c>) is bounded by
/// <see cref="HardMaxDepth"/> + <see cref="ElementAllowance"/> frames.
/// </remarks>
internal sealed record AknLimits
{
    /// <summary>The default deepest nesting of hierarchical units.</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>No configuration may allow more than this many nested hierarchical units.</summary>
    public const int HardMaxDepth = 256;

    /// <summary>
    /// Elements allowed on top of the hierarchical levels: the document's frame
    /// (akomaNtoso/act/body, meta/identification/FRBRWork/…), a unit's num, heading, content and
    /// p, and inline markup and block lists inside a paragraph.
    /// </summary>
    public const int ElementAllowance = 32;

    /// <summary>The platform's default limits.</summary>
    public static readonly AknLimits Default = new();

    /// <summary>
    /// The limits a stored text is read back with: the widest a configuration can allow, so that
    /// lowering the configured limit never makes a text stored earlier unreadable.
    /// </summary>
    public static readonly AknLimits Stored = new() { MaxDepth = HardMaxDepth };

    private readonly int _maxDepth = DefaultMaxDepth;

    /// <summary>The deepest nesting of hierarchical units (part, chapter, section, article, paragraph, point…), 1 to <see cref="HardMaxDepth"/>.</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value is >= 1 and <= HardMaxDepth
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"The nesting depth is between 1 and {HardMaxDepth}.");
    }

    /// <summary>The deepest nesting of elements of any kind.</summary>
    public int MaxElementDepth => MaxDepth + ElementAllowance;
}
