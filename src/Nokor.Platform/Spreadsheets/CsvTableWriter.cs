using System.Globalization;
using System.Text;
using CsvHelper;

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
/// Quoting, line ends and number formatting are CsvHelper's (<see cref="CsvHelper.CsvWriter"/>);
/// this class lays the table out and guards the text. Every text field goes through
/// <see cref="FormulaGuard"/>, here and nowhere else among the CSV writers: one that starts like a
/// formula gets a leading apostrophe (CSV injection, OWASP). CsvHelper's own injection option is
/// left off because it knows only ASCII signs (not the full-width <c>＝ ＋ － ＠</c> nor a leading line
/// feed) and would also quote every guarded field. Only text is guarded; a negative number is a
/// number and stays one. This is the solution's one CSV writer: the statistical tables, the
/// verification statements and bulk results and the legislation comment export all write their
/// files as a <see cref="SheetTable"/> or as records through it (<see cref="CsvLayout.Data"/> for a
/// plain header-and-records file). Its reader is <see cref="CsvRecordReader"/>.
/// </para>
/// </summary>
public static class CsvTableWriter
{
    /// <summary>The media type of a CSV download.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// RFC 4180 as CsvHelper writes it by default (comma, CRLF, quotes when needed), numbers in the
    /// invariant culture, no injection handling of its own (see the class remarks).
    /// </summary>
    private static readonly CsvWriterOptions s_options = CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
        ValidateFieldCount = false,
        WriteByteOrderMark = false,
        BufferSize = 4096,
    };

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
        using var text = new StringWriter(csv, CultureInfo.InvariantCulture);
        using var writer = CsvWriter.Create(text, s_options, leaveOpen: true);
        var fields = cells.ToList();
        if (fields.Count == 0)
        {
            fields.Add(SheetCell.Empty);
        }

        Record(writer, text, fields.Count, c => fields[c]);
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
        using var text = new StringWriter(csv, CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(text, s_options, leaveOpen: true))
        {
            void Line(IReadOnlyList<SheetCell> cells) =>
                Record(writer, text, columns, c => c < cells.Count ? cells[c] : SheetCell.Empty);

            if (layout == CsvLayout.Report)
            {
                foreach (var title in table.Titles)
                {
                    Line([SheetCell.Text(title)]);
                }

                if (table.Titles.Count > 0)
                {
                    Line([]);
                }

                for (var h = 0; h < table.HeaderRows.Count; h++)
                {
                    Line(table.HeaderColumns(h).Select(x => x.IsFirst ? SheetCell.Text(x.Header.Text) : SheetCell.Empty).ToList());
                }
            }
            else if (table.HeaderRows.Count > 0)
            {
                Line(table.FlattenedHeaders().Select(SheetCell.Text).ToList());
            }

            foreach (var row in table.Rows)
            {
                Line(row);
            }

            if (layout == CsvLayout.Report && table.Footnotes.Count > 0)
            {
                Line([]);
                foreach (var footnote in table.Footnotes)
                {
                    Line([SheetCell.Text(footnote)]);
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// One record of <paramref name="columns"/> fields. A record of one empty field is written as an
    /// empty line, as this writer always has (CsvHelper writes it as <c>""</c> so that a reader does
    /// not skip it; the title block of a one-column table relies on the blank line).
    /// </summary>
    private static void Record(CsvWriter writer, StringWriter text, int columns, Func<int, SheetCell> cell)
    {
        if (columns == 1 && Text(cell(0)) is null && !IsNumber(cell(0)))
        {
            writer.Flush();
            text.Write("\r\n");
            return;
        }

        for (var c = 0; c < columns; c++)
        {
            Field(writer, cell(c));
        }

        writer.EndRecord();
    }

    private static bool IsNumber(SheetCell cell) => cell.Kind is SheetCellKind.Integer or SheetCellKind.Decimal or SheetCellKind.Percent;

    private static void Field(CsvWriter writer, SheetCell cell)
    {
        switch (cell.Kind)
        {
            case SheetCellKind.Integer:
                writer.WriteField(cell.NumberValue, "F0");
                break;
            case SheetCellKind.Decimal:
                writer.WriteField(cell.NumberValue, "F" + Digits(cell.Decimals));
                break;
            case SheetCellKind.Percent:
                writer.WriteField(cell.NumberValue * 100, "F" + Digits(cell.Decimals));
                break;
            default:
                writer.WriteField(Text(cell));
                break;
        }
    }

    private static string Digits(int decimals) => decimals.ToString(CultureInfo.InvariantCulture);

    /// <summary>A text field: cleaned of control characters (a carriage return becomes a line feed) and guarded against formulas; CsvHelper quotes it when needed.</summary>
    private static string? Text(SheetCell cell) =>
        cell.Kind is SheetCellKind.Text or SheetCellKind.Suppressed && !string.IsNullOrEmpty(cell.TextValue)
            ? FormulaGuard.Neutralize(SpreadsheetText.CleanForXml(cell.TextValue))
            : null;
}
