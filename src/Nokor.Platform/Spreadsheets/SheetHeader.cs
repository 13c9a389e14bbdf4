namespace Nokor.Platform.Spreadsheets;

/// <summary>
/// One cell of a header row. <paramref name="Span"/> &gt; 1 makes a column group ("Male" over the
/// age columns): the XLSX merges it over that many columns, the data CSV prefixes it to each
/// column's own heading ("Male: 0-4").
/// </summary>
/// <param name="Text">The heading; may be empty (a stub heading given only in the other header row).</param>
/// <param name="Span">How many columns the heading covers, at least 1.</param>
public sealed record SheetHeader(string Text, int Span = 1)
{
    public string Text { get; } = Text ?? "";

    public int Span { get; } = Span >= 1 ? Span : throw new ArgumentOutOfRangeException(nameof(Span), Span, "A header covers at least one column.");

    public static implicit operator SheetHeader(string text) => new(text);
}
