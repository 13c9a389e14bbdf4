using System.Globalization;
using System.Text;

namespace Nokor.Platform.Spreadsheets;

/// <summary>What a CSV of a table holds besides the body.</summary>
public enum CsvLayout
{
    /// <summary>
    /// For people opening the file in a spreadsheet: the title lines, the header rows as they are
    /// (a group heading in the first column it covers), the body and the footnotes.
    /// </summary>
    Report,

    /// <summary>
    /// For programs (the open-data endpoint): one header line, two header rows flattened into it
    /// ("Male: 0-4"), then the body; no titles, no footnotes, so every line is a record.
    /// </summary>
    Data,
}

/// <summary>
/// Writes a table as CSV (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold
/// a comma, a quote or a line break, and every line as many fields as the table has columns. The
/// file is UTF-8 with a byte order mark, without which Excel reads it in the machine's legacy code
/// page and shows Khmer as mojibake. Numbers are written with a point and no grouping whatever the
/// server's culture; a percent is written as its percentage (12.5 for 12.5 %, no sign, so it reads
/// as a number); a suppressed cell as its marker.
/// <para>
/// Every text field goes through <see cref="FormulaGuard"/>: one that starts like a formula gets
/// a leading apostrophe (CSV injection, OWASP). Only text is guarded; a negative number is a
/// number and stays one. This is the solution's one CSV writer: the statistical tables, the
/// verification statements and bulk results and the legislation comment export all write their
/// files as a <see cref="SheetTable"/> through it (<see cref="CsvLayout.Data"/> for a plain
/// header-and-records file).
/// </para>
/// </summary>
public static class CsvTableWriter
{
    /// <summary>The media type of a CSV download.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes the table to <paramref name="output"/>, byte order mark first.</summary>
    /// <exception cref="ArgumentException">The table is inconsistent (see <see cref="SheetTable.Validate"/>).</exception>
    public static void Write(SheetTable table, Stream output, CsvLayout layout = CsvLayout.Report)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToBytes(table, layout));
    }

    /// <summary>Writes the table to <paramref name="output"/> asynchronously, byte order mark first.</summary>
    public static async Task WriteAsync(SheetTable table, Stream output, CsvLayout layout = CsvLayout.Report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(ToBytes(table, layout), cancellationToken);
    }

    /// <summary>The file's bytes: the UTF-8 byte order mark, then the text.</summary>
    public static byte[] ToBytes(SheetTable table, CsvLayout layout = CsvLayout.Report) => Encode(ToText(table, layout));

    /// <summary>
    /// Appends one record to a file written a line at a time (a large export that a
    /// <see cref="SheetTable"/> would hold twice): the cells as <see cref="ToText"/> writes them,
    /// text guarded and quoted, numbers as numbers, comma-separated, ended by CRLF.
    /// </summary>
    public static void AppendRecord(StringBuilder csv, IEnumerable<SheetCell> cells)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(cells);
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                csv.Append(',');
            }

            first = false;
            csv.Append(Field(cell));
        }

        csv.Append("\r\n");
    }

    /// <summary>CSV text as a file's bytes: the UTF-8 byte order mark, then the text.</summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var preamble = s_utf8.GetPreamble();
        var bytes = new byte[preamble.Length + s_utf8.GetByteCount(text)];
        preamble.CopyTo(bytes, 0);
        s_utf8.GetBytes(text, 0, text.Length, bytes, preamble.Length);
        return bytes;
    }

    /// <summary>
    /// A plain file for programs and spreadsheets alike (<see cref="CsvLayout.Data"/>): one header
    /// line of <paramref name="columns"/>, then one line per record, byte order mark first. Text
    /// cells are guarded and quoted as in any table; number cells stay numbers.
    /// </summary>
    public static byte[] RecordsToBytes(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<SheetCell>> rows) =>
        ToBytes(Records(columns, rows), CsvLayout.Data);

    /// <summary>The records of <see cref="RecordsToBytes"/> as a table (no titles, one header row).</summary>
    public static SheetTable Records(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<SheetCell>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return new SheetTable
        {
            SheetName = "data",
            HeaderRows = columns.Count == 0 ? [] : [columns.Select(c => new SheetHeader(c)).ToList()],
            Rows = rows,
        };
    }

    /// <summary>The file's text, without the byte order mark.</summary>
    /// <exception cref="ArgumentException">The table is inconsistent (see <see cref="SheetTable.Validate"/>).</exception>
    public static string ToText(SheetTable table, CsvLayout layout = CsvLayout.Report)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Validate();
        var columns = Math.Max(1, table.ColumnCount);
        var csv = new StringBuilder();

        void Line(IReadOnlyList<string?> fields)
        {
            for (var c = 0; c < columns; c++)
            {
                if (c > 0)
                {
                    csv.Append(',');
                }

                if (c < fields.Count && fields[c] is { } field)
                {
                    csv.Append(field);
                }
            }

            csv.Append("\r\n");
        }

        if (layout == CsvLayout.Report)
        {
            foreach (var title in table.Titles)
            {
                Line([Text(title)]);
            }

            if (table.Titles.Count > 0)
            {
                Line([]);
            }

            for (var h = 0; h < table.HeaderRows.Count; h++)
            {
                Line(table.HeaderColumns(h).Select(x => x.IsFirst ? Text(x.Header.Text) : null).ToList());
            }
        }
        else if (table.HeaderRows.Count > 0)
        {
            Line(table.FlattenedHeaders().Select(Text).ToList());
        }

        foreach (var row in table.Rows)
        {
            Line(row.Select(Field).ToList());
        }

        if (layout == CsvLayout.Report && table.Footnotes.Count > 0)
        {
            Line([]);
            foreach (var footnote in table.Footnotes)
            {
                Line([Text(footnote)]);
            }
        }

        return csv.ToString();
    }

    private static string? Field(SheetCell cell) => cell.Kind switch
    {
        SheetCellKind.Text or SheetCellKind.Suppressed => Text(cell.TextValue),
        SheetCellKind.Integer => cell.NumberValue.ToString("F0", CultureInfo.InvariantCulture),
        SheetCellKind.Decimal => cell.NumberValue.ToString("F" + Digits(cell.Decimals), CultureInfo.InvariantCulture),
        SheetCellKind.Percent => (cell.NumberValue * 100).ToString("F" + Digits(cell.Decimals), CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Digits(int decimals) => decimals.ToString(CultureInfo.InvariantCulture);

    /// <summary>A text field: cleaned of control characters (a carriage return becomes a line feed), guarded against formulas, quoted when needed.</summary>
    private static string? Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var clean = FormulaGuard.Neutralize(SpreadsheetText.CleanForXml(text));

        return clean.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + clean.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : clean;
    }
}
