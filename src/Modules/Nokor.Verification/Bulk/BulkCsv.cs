using System.Text;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Bulk;

/// <summary>One data row of a bulk file: the line it starts on and its fields in the order of the header.</summary>
internal sealed record BulkCsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>A bulk file read and checked: its columns (canonical names, in the file's order) and its rows.</summary>
internal sealed class BulkCsvFile(IReadOnlyList<string> columns, IReadOnlyList<BulkCsvRow> rows)
{
    private readonly Dictionary<string, int> _index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    public IReadOnlyList<string> Columns { get; } = columns;
    public IReadOnlyList<BulkCsvRow> Rows { get; } = rows;

    /// <summary>The claim columns present, in the file's order.</summary>
    public IReadOnlyList<string> ClaimColumns => Columns.Where(c => c != BulkCsv.KidcColumn).ToList();

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The cell of a column, or null when the file has no such column.</summary>
    public string? Value(BulkCsvRow row, string column) => _index.TryGetValue(column, out var i) ? row.Fields[i] : null;
}

/// <summary>
/// A small RFC 4180 reader for bulk verification files: UTF-8 (a byte order mark is tolerated),
/// comma-separated, fields optionally enclosed in double quotes (a quote inside doubled), records
/// ending in CRLF or LF. Every error names the line it was found on. Results are written by the
/// platform's one CSV writer (<see cref="Nokor.Platform.Spreadsheets.CsvTableWriter"/>), which
/// neutralises input that starts like a formula.
/// </summary>
internal static class BulkCsv
{
    public const string KidcColumn = "kidc";

    /// <summary>The columns a bulk file may have: <c>kidc</c> (required) and the claimable attributes.</summary>
    public static readonly IReadOnlyList<string> Columns = [KidcColumn, .. PersonAttributes.Claimable];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes and reads a bulk file: the header, then at most <paramref name="maxRows"/> data rows.</summary>
    public static BulkCsvFile? Read(ReadOnlySpan<byte> content, int maxRows, out string? error)
    {
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            error = "The file is not UTF-8 text; save the CSV file as UTF-8.";
            return null;
        }

        maxRows = Math.Clamp(maxRows, 1, int.MaxValue - 2);
        var records = ReadRecords(text, maxRows + 2, out error);
        if (records is null)
        {
            return null;
        }

        if (records.Count == 0)
        {
            error = "The file is empty; send a CSV file with a header row (kidc and the attributes to verify) and one row per person.";
            return null;
        }

        var (headerLine, header) = records[0];
        var columns = new List<string>(header.Count);
        foreach (var (name, position) in header.Select((h, i) => (h.Trim(), i + 1)))
        {
            if (name.Length == 0)
            {
                error = $"Line {headerLine}: column {position} of the header has no name.";
                return null;
            }

            var column = Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                error = $"Line {headerLine}: unknown column '{Shorten(name)}'; the columns are: {string.Join(", ", Columns)}.";
                return null;
            }

            if (columns.Contains(column))
            {
                error = $"Line {headerLine}: the column '{column}' appears twice.";
                return null;
            }

            columns.Add(column);
        }

        if (!columns.Contains(KidcColumn))
        {
            error = $"Line {headerLine}: the header has no '{KidcColumn}' column.";
            return null;
        }

        if (columns.Count == 1)
        {
            error = $"Line {headerLine}: the header names no attribute to verify; add one or more of: {string.Join(", ", PersonAttributes.Claimable)}.";
            return null;
        }

        if (records.Count == 1)
        {
            error = "The file has a header but no rows.";
            return null;
        }

        if (records.Count - 1 > maxRows)
        {
            error = $"The file has more than {maxRows:N0} rows; split it into several files.";
            return null;
        }

        var rows = new List<BulkCsvRow>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != columns.Count)
            {
                error = $"Line {line}: {fields.Count} field(s) where the header has {columns.Count}.";
                return null;
            }

            rows.Add(new BulkCsvRow(line, fields));
        }

        error = null;
        return new BulkCsvFile(columns, rows);
    }

    /// <summary>
    /// The records of a CSV text with the line each starts on; blank lines are skipped. Stops with
    /// an error at a malformed quote or a NUL character; returns at most <paramref name="maxRecords"/>.
    /// </summary>
    public static List<(int Line, List<string> Fields)>? ReadRecords(string text, int maxRecords, out string? error)
    {
        var records = new List<(int, List<string>)>();
        var field = new StringBuilder();
        var fields = new List<string>();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            // At the start of a field.
            if (text[i] == '"')
            {
                var quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= n)
                    {
                        error = $"Line {quoteLine}: a quoted field is not closed.";
                        return null;
                    }

                    var c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < n && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (c == '\0')
                    {
                        error = $"Line {line}: the file contains a NUL character; it is not a CSV text file.";
                        return null;
                    }

                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(c);
                    i++;
                }

                if (i < n && text[i] is not (',' or '\r' or '\n'))
                {
                    error = $"Line {line}: text after the closing quote of a field; a quote inside a field is written twice (\"\").";
                    return null;
                }
            }
            else
            {
                while (i < n && text[i] is not (',' or '\r' or '\n'))
                {
                    var c = text[i];
                    if (c == '"')
                    {
                        error = $"Line {line}: a quote inside a field that does not start with one; enclose the field in quotes and write the quote twice (\"\").";
                        return null;
                    }

                    if (c == '\0')
                    {
                        error = $"Line {line}: the file contains a NUL character; it is not a CSV text file.";
                        return null;
                    }

                    field.Append(c);
                    i++;
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= n)
            {
                break;
            }

            if (text[i] == ',')
            {
                i++;
                if (i >= n)
                {
                    // A trailing comma at the very end: one more, empty, field.
                    fields.Add("");
                }

                continue;
            }

            // The end of a record: CRLF, LF or a lone CR.
            i += text[i] == '\r' && i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
            if (!AddRecord(records, recordLine, fields, maxRecords))
            {
                error = null;
                return records;
            }

            fields = [];
            line++;
            recordLine = line;
        }

        if (fields.Count > 0)
        {
            AddRecord(records, recordLine, fields, maxRecords);
        }

        error = null;
        return records;
    }

    private static bool AddRecord(List<(int, List<string>)> records, int line, List<string> fields, int maxRecords)
    {
        if (fields.Count == 1 && fields[0].Length == 0)
        {
            return true;
        }

        records.Add((line, fields));
        return records.Count < maxRecords;
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
