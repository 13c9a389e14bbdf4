using System.Text;
using Nokor.Platform.Spreadsheets;

namespace Nokor.Platform.Tests.Spreadsheets;

public sealed class CsvRecordReaderTests
{
    private static readonly CsvReadLimits s_limits = new() { MaxRecords = 10, MaxFieldLength = 20, MaxRecordBytes = 300 };

    [Fact]
    public void Reads_what_the_writer_writes_with_the_line_each_record_starts_on()
    {
        var text = CsvTableWriter.ToText(CsvTableWriter.Records(["name", "note"], [["Srey, \"Mom\"", "two\nlines"], ["ភ្នំពេញ", 12]]), CsvLayout.Data);

        var read = CsvRecordReader.Read("\uFEFF" + text, CsvReadLimits.Default);

        Assert.Null(read.Error);
        Assert.False(read.Truncated);
        Assert.Equal([1, 2, 4], read.Records.Select(r => r.Line));
        Assert.Equal(["Srey, \"Mom\"", "two\nlines"], read.Records[1].Fields);
        Assert.Equal(["ភ្នំពេញ", "12"], read.Records[2].Fields);
    }

    [Fact]
    public void Reading_stops_at_the_record_limit_and_says_more_followed()
    {
        var text = string.Concat(Enumerable.Range(0, 1_000).Select(i => $"{i},x\n"));

        var read = CsvRecordReader.Read(text, s_limits);

        Assert.Null(read.Error);
        Assert.True(read.Truncated);
        Assert.Equal(10, read.Records.Count);
        Assert.False(CsvRecordReader.Read(string.Concat(Enumerable.Range(0, 10).Select(i => $"{i},x\n")), s_limits).Truncated);
    }

    [Theory]
    [InlineData("a,b\n1,\"open\n" + "x", 2, "a quoted field is not closed")]
    [InlineData("a,b\n1,2\n3,\"x\"y\n", 3, "text after the closing quote")]
    [InlineData("a,b\n1,x\"y\n", 2, "a quote inside a field")]
    [InlineData("a,b\n1,\0\n", 2, "NUL character")]
    [InlineData("a,b\n1,123456789012345678901\n", 2, "field 2 is longer than 20 characters")]
    public void A_malformed_or_oversized_record_is_refused_with_its_line_and_reason(string text, int line, string reason)
    {
        var read = CsvRecordReader.Read(text, s_limits);

        Assert.NotNull(read.Error);
        Assert.Equal(line, read.Error.Line);
        Assert.Contains(reason, read.Error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"Line {line}: ", read.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_file_costs_the_limits_not_its_size()
    {
        // One endless line, and a quote left open at the start of a large file.
        var endless = "a,b\n" + new string('x', 5_000_000) + "\n";
        var open = "a,b\n\"" + string.Concat(Enumerable.Repeat("1,2\n", 1_000_000));

        foreach (var text in new[] { endless, open })
        {
            var read = CsvRecordReader.Read(text, s_limits);
            Assert.NotNull(read.Error);
            Assert.Equal(2, read.Error.Line);
            Assert.Contains("longer than 300 bytes", read.Error.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Blank_lines_are_skipped_or_kept_as_the_caller_says_and_dropped_at_the_end()
    {
        const string text = "a,b\n\n1,2\n\r\n\n";

        Assert.Equal([1, 3], CsvRecordReader.Read(text, s_limits).Records.Select(r => r.Line));
        var kept = CsvRecordReader.Read(text, s_limits with { SkipBlankLines = false }).Records;
        Assert.Equal([1, 2, 3], kept.Select(r => r.Line));
        Assert.Equal([""], kept[1].Fields);
        Assert.Empty(CsvRecordReader.Read(Encoding.UTF8.GetString([]), s_limits).Records);
    }
}
