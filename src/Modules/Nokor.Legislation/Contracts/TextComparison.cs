namespace Nokor.Legislation.Contracts;

/// <summary>How an article fares between two versions.</summary>
public enum ArticleStatus
{
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// <summary>One piece of an inline diff.</summary>
public enum DiffOperation
{
    Equal,
    Inserted,
    Deleted,
}

/// <summary>A run of text that is in both versions, only in the newer or only in the older.</summary>
public sealed record DiffSegment(DiffOperation Operation, string Text);

/// <summary>
/// One article of the comparison. For a changed article <see cref="HeadingChanged"/>,
/// <see cref="NumChanged"/> and <see cref="TextChanged"/> say what changed (only the heading when
/// the first alone is true) and <see cref="Diff"/> is the inline diff of its text; an unchanged
/// article's diff is one Equal segment, an added one's one Inserted and a removed one's one Deleted.
/// </summary>
public sealed record ArticleComparison(
    string EId,
    ArticleStatus Status,
    TextUnit? Older,
    TextUnit? Newer,
    bool HeadingChanged,
    bool NumChanged,
    bool TextChanged,
    IReadOnlyList<DiffSegment> Diff)
{
    /// <summary>True when the heading changed and nothing else did.</summary>
    public bool OnlyHeadingChanged => HeadingChanged && !NumChanged && !TextChanged;
}

/// <summary>Counts per status; <see cref="HeadingOnly"/> counts the changed articles whose heading alone changed.</summary>
public sealed record ComparisonSummary(int Unchanged, int Changed, int Added, int Removed, int HeadingOnly);

/// <summary>The article-by-article comparison of two versions.</summary>
public sealed record TextComparison(IReadOnlyList<ArticleComparison> Articles, ComparisonSummary Summary);
