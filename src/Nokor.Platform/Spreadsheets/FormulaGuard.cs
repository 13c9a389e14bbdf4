namespace Nokor.Platform.Spreadsheets;

/// <summary>
/// The one guard against spreadsheet formula injection (CSV injection, OWASP): text that a
/// spreadsheet would run as a formula when the file is opened. A text value starting with
/// <c>= + - @</c>, a tab, a carriage return or a line feed, or with the full-width
/// <c>＝ ＋ － ＠</c> that East Asian input methods type and some spreadsheets also read as formula
/// signs, is prefixed with an apostrophe, which spreadsheets show as text and do not evaluate.
/// <para>
/// Only text is guarded: a number written by a writer as a number (a count, an amount, a negative
/// rate) is a value, not input text, and stays a number that a spreadsheet can sum. Every CSV
/// writer of the solution goes through <see cref="CsvTableWriter"/>, which applies this guard to
/// every text field; <see cref="XlsxWriter"/> writes text only as shared strings, never as a
/// formula element, so no input reaches a formula there.
/// </para>
/// </summary>
public static class FormulaGuard
{
    /// <summary>The prefix that makes a spreadsheet take a cell as text.</summary>
    public const char Prefix = '\'';

    /// <summary>True when a spreadsheet could take <paramref name="text"/> for a formula.</summary>
    public static bool LooksLikeFormula(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n'
            or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';

    /// <summary><paramref name="text"/> as a spreadsheet must show it: prefixed with an apostrophe when it looks like a formula.</summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LooksLikeFormula(text) ? Prefix + text : text;
    }
}
