namespace Nokor.Platform.Spreadsheets;

/// <summary>What a <see cref="SheetCell"/> holds; decides how each writer puts it down.</summary>
public enum SheetCellKind
{
    /// <summary>Nothing: no cell in the sheet, an empty field in CSV.</summary>
    Empty,

    /// <summary>Text (labels, names), never a number and never a formula.</summary>
    Text,

    /// <summary>A whole number (counts), written as a number so spreadsheets can sum it.</summary>
    Integer,

    /// <summary>A number with a fixed number of decimals (rates, means).</summary>
    Decimal,

    /// <summary>A share held as a fraction (0.125 is 12.5 %).</summary>
    Percent,

    /// <summary>
    /// A value withheld for disclosure control: the table shows a marker ("–", "&lt;5") as text,
    /// so a spreadsheet neither sums it nor mistakes it for zero.
    /// </summary>
    Suppressed,
}

/// <summary>
/// One value of a statistical table, independent of the file format it will be offered in. Numbers
/// are rounded here, once, to the decimals they are published with: the XLSX and the CSV then hold
/// the same figures, and no file carries more precision than the table shows (a rate computed from
/// a small count could otherwise give the suppressed count back).
/// </summary>
public readonly record struct SheetCell
{
    /// <summary>The largest number of decimals a cell may be published with.</summary>
    public const int MaxDecimals = 10;

    /// <summary>The marker of a suppressed cell when none is given (an en dash, which no spreadsheet reads as a sign).</summary>
    public const string DefaultSuppressedMarker = "\u2013";

    private SheetCell(SheetCellKind kind, string? textValue, decimal numberValue, int decimals)
    {
        Kind = kind;
        TextValue = textValue;
        NumberValue = numberValue;
        Decimals = decimals;
    }

    public SheetCellKind Kind { get; }

    /// <summary>The text of a text cell, or the marker of a suppressed cell; null otherwise.</summary>
    public string? TextValue { get; }

    /// <summary>The (rounded) number of an integer, decimal or percent cell; a percent is a fraction.</summary>
    public decimal NumberValue { get; }

    /// <summary>
    /// Decimals shown: for a decimal cell after the point, for a percent cell after the point of the
    /// percentage (1 shows 0.125 as 12.5 %). Zero for the other kinds.
    /// </summary>
    public int Decimals { get; }

    /// <summary>A cell with nothing in it (also <c>default</c>).</summary>
    public static SheetCell Empty => default;

    /// <summary>A text cell; null or empty text gives an empty cell.</summary>
    public static SheetCell Text(string? text) =>
        string.IsNullOrEmpty(text) ? default : new(SheetCellKind.Text, text, 0m, 0);

    public static SheetCell Integer(long value) => new(SheetCellKind.Integer, null, value, 0);

    /// <summary>A number rounded (half away from zero, as spreadsheets display) to <paramref name="decimals"/>.</summary>
    public static SheetCell Decimal(decimal value, int decimals = 1)
    {
        CheckDecimals(decimals);
        return new(SheetCellKind.Decimal, null, Round(value, decimals), decimals);
    }

    /// <summary>
    /// A share given as a fraction (0.125 for 12.5 %), rounded to <paramref name="decimals"/> decimals
    /// of the percentage.
    /// </summary>
    public static SheetCell Percent(decimal fraction, int decimals = 1)
    {
        CheckDecimals(decimals);
        return new(SheetCellKind.Percent, null, Round(fraction, decimals + 2), decimals);
    }

    /// <summary>A withheld value, shown as <paramref name="marker"/> (for example "–" or "&lt;5").</summary>
    public static SheetCell Suppressed(string marker = DefaultSuppressedMarker)
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        return new(SheetCellKind.Suppressed, marker, 0m, 0);
    }

    public static implicit operator SheetCell(string? text) => Text(text);

    public static implicit operator SheetCell(long value) => Integer(value);

    public static implicit operator SheetCell(int value) => Integer(value);

    private static void CheckDecimals(int decimals) =>
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)decimals, (uint)MaxDecimals, nameof(decimals));

    private static decimal Round(decimal value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        // A negative value rounded to zero keeps its sign bit and would print as "-0.0".
        return rounded == 0m ? 0m : rounded;
    }
}
