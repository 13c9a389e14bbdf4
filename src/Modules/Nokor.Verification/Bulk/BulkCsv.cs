using System.Text;
using Nokor.Platform.Spreadsheets;
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
/// Bulk verification files: UTF-8 (a byte order mark is tolerated), comma-separated, fields
/// optionally enclosed in double quotes (a quote inside doubled), records ending in CRLF or LF,
/// read by the platform's one CSV reader (<see cref="CsvRecordReader"/>, CsvHelper) within
/// <see cref="Limits"/>; this class checks the header and the rows against the bulk contract. Every
/// error names the line it was found on. Results are written by the platform's one CSV writer
/// (<see cref="CsvTableWriter"/>), which neutralises input that starts like a formula.
/// </summary>
internal static class BulkCsv
{
    public const string KidcColumn = "kidc";

    /// <summary>The columns a bulk file may have: <c>kidc</c> (required) and the claimable attributes.</summary>
    public static readonly IReadOnlyList<string> Columns = [KidcColumn, .. PersonAttributes.Claimable];

    /// <summary>
    /// What one line of a bulk file may hold: a field is a KIDC, a name or a date, far below 1,000
    /// characters, and a line of every column at that length stays under 64 KiB of UTF-8.
    /// </summary>
    public static readonly CsvReadLimits Limits = new() { MaxFieldLength = 1_000, MaxRecordBytes = 64 * 1024, SkipBlankLines = true };

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
    /// an error at a malformed quote, a NUL character or a line or field over <see cref="Limits"/>;
    /// returns at most <paramref name="maxRecords"/>.
    /// </summary>
    public static List<(int Line, List<string> Fields)>? ReadRecords(string text, int maxRecords, out string? error)
    {
        var read = CsvRecordReader.Read(text, Limits with { MaxRecords = maxRecords });
        error = read.Error?.Message;
        if (read.Error is not null)
        {
            return null;
        }

        return read.Records.Select(r => (r.Line, r.Fields.ToList())).ToList();
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
