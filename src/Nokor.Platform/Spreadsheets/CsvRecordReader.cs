using CsvHelper;

namespace Nokor.Platform.Spreadsheets;

/// <summary>
/// The limits a CSV file read by <see cref="CsvRecordReader"/> must keep. A file that breaks one is
/// refused with the line and the reason, never read on until memory runs out: a hostile file (an
/// endless line, a quote left open at the start of a large file, a million rows) costs at most the
/// limits, not its size.
/// </summary>
public sealed record CsvReadLimits
{
    /// <summary>The default limits: 100,000 records, fields of 4,096 characters, lines of 64 KiB.</summary>
    public static CsvReadLimits Default { get; } = new();

    /// <summary>
    /// The most records read (blank lines not counted when <see cref="SkipBlankLines"/>). Reading
    /// stops there and <see cref="CsvReadResult.Truncated"/> says whether more followed, so a caller
    /// refuses a file over its row limit without reading the rest.
    /// </summary>
    public int MaxRecords { get; init; } = 100_000;

    /// <summary>The longest field, in characters, after unquoting.</summary>
    public int MaxFieldLength { get; init; } = 4_096;

    /// <summary>
    /// The longest record as it stands in the file (quotes, separators and the line breaks inside
    /// quoted fields included), in bytes of UTF-8: the line length. CsvHelper stops growing its
    /// buffer past it (<see cref="CsvReaderOptions.MaxRecordSize"/>), and a record already read is
    /// measured too.
    /// </summary>
    public int MaxRecordBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Whether blank lines (a record of one empty field) are passed over; when false they are
    /// records of one empty field, except at the end of the file, where they are dropped.
    /// </summary>
    public bool SkipBlankLines { get; init; } = true;
}

/// <summary>One record of a CSV file: the line of the file it starts on (1-based) and its fields.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>Why a CSV file was refused: the line it was found on and the reason, in plain English.</summary>
public sealed record CsvReadError(int Line, string Reason)
{
    /// <summary>The error as the callers show it: <c>Line N: reason</c>.</summary>
    public string Message => $"Line {Line}: {Reason}";
}

/// <summary>What <see cref="CsvRecordReader.Read"/> found: the records, or the first error.</summary>
public sealed record CsvReadResult(IReadOnlyList<CsvRecord> Records, CsvReadError? Error, bool Truncated);

/// <summary>
/// The solution's one CSV reader (RFC 4180): comma-separated, fields optionally enclosed in double
/// quotes (a quote inside doubled, line breaks allowed inside quotes), records ending in CRLF, LF or
/// a lone CR. Parsing is CsvHelper's (<see cref="CsvReader"/>), configured strictly: the separator
/// is a comma (never detected, no <c>sep=</c> line, no comments, no trimming), malformed quoting is
/// reported and refuses the file rather than being repaired, a NUL character refuses it, and the
/// <see cref="CsvReadLimits"/> bound what one file can cost. Every error names the line the record
/// starts on. The writer is <see cref="CsvTableWriter"/>.
/// </summary>
public static class CsvRecordReader
{
    /// <summary>The reason for a quoted field that runs to the end of the file.</summary>
    public const string UnclosedQuote = "a quoted field is not closed.";

    /// <summary>The reason for text after the closing quote of a field (<c>"ab"c</c>).</summary>
    public const string TextAfterClosingQuote = "text after the closing quote of a field; a quote inside a field is written twice (\"\").";

    /// <summary>The reason for a quote inside an unquoted field (<c>ab"c</c>).</summary>
    public const string StrayQuote = "a quote inside a field that does not start with one; enclose the field in quotes and write the quote twice (\"\").";

    /// <summary>The reason for a NUL character, which no CSV text file holds.</summary>
    public const string NulCharacter = "the file contains a NUL character; it is not a CSV text file.";

    /// <summary>Reads the records of <paramref name="text"/> (a byte order mark is passed over) within <paramref name="limits"/>.</summary>
    public static CsvReadResult Read(string text, CsvReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxRecords, 1);
        var malformed = new List<CsvMalformedRecord>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
            CommentPrefix = null,
            TrimWhitespace = false,
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = malformed.Add,
            MaxRecordSize = Math.Max(256, limits.MaxRecordBytes),
        };

        var records = new List<CsvRecord>();
        var blankRun = new List<CsvRecord>();
        var line = 1;
        try
        {
            using var reader = CsvReader.FromText(text.StartsWith('\uFEFF') ? text[1..] : text, options);
            while (reader.Read())
            {
                line = checked((int)reader.LineNumber);
                var fields = reader.Current.ToArray();
                var blank = fields is [""];
                if (blank && limits.SkipBlankLines)
                {
                    continue;
                }

                if (!blank && records.Count + blankRun.Count + 1 > limits.MaxRecords)
                {
                    // Nothing past the limit is looked at.
                    return new CsvReadResult(records, null, Truncated: true);
                }

                if (Malformed(malformed, line) is { } quoting)
                {
                    return Refused(records, quoting);
                }

                if (reader.RawRecord.Length > limits.MaxRecordBytes)
                {
                    return Refused(records, new CsvReadError(line, $"the line is longer than {limits.MaxRecordBytes:N0} bytes."));
                }

                for (var f = 0; f < fields.Length; f++)
                {
                    if (fields[f].Contains('\0', StringComparison.Ordinal))
                    {
                        return Refused(records, new CsvReadError(line, NulCharacter));
                    }

                    if (fields[f].Length > limits.MaxFieldLength)
                    {
                        return Refused(records, new CsvReadError(line, $"field {f + 1} is longer than {limits.MaxFieldLength:N0} characters."));
                    }
                }

                var record = new CsvRecord(line, fields);
                if (blank)
                {
                    // Kept only if a record follows: blank lines at the end of a file are dropped.
                    blankRun.Add(record);
                    continue;
                }

                records.AddRange(blankRun);
                blankRun.Clear();
                records.Add(record);
            }

            return Malformed(malformed, int.MaxValue) is { } last ? Refused(records, last) : new CsvReadResult(records, null, Truncated: false);
        }
        catch (CsvFormatException e)
        {
            // The only exception CsvHelper throws for the input itself; with recovery on, that is a
            // record that outgrew MaxRecordSize (such as a quote left open at the start of a large file).
            var at = e.LineNumber > 0 ? checked((int)e.LineNumber) : line;
            return Refused(records, new CsvReadError(at, $"a record is longer than {limits.MaxRecordBytes:N0} bytes; is a quote left open?"));
        }
    }

    /// <summary>The first quoting problem CsvHelper reported in a record starting at or before <paramref name="line"/>.</summary>
    private static CsvReadError? Malformed(List<CsvMalformedRecord> reports, int line)
    {
        if (!reports.Any(r => r.LineNumber <= line))
        {
            return null;
        }

        var first = reports.Where(r => r.LineNumber <= line).MinBy(r => r.LineNumber);
        return new CsvReadError(checked((int)first.LineNumber), first.Reason switch
            {
                CsvMalformedReason.UnterminatedQuote => UnclosedQuote,
                CsvMalformedReason.TextAfterClosingQuote => TextAfterClosingQuote,
                CsvMalformedReason.StrayQuote => StrayQuote,
                var other => $"the record is malformed ({other}).",
            });
    }

    private static CsvReadResult Refused(List<CsvRecord> records, CsvReadError error) => new(records, error, Truncated: false);
}
