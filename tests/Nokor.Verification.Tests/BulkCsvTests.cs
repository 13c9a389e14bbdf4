using System.Text;
using Nokor.Verification.Bulk;

namespace Nokor.Verification.Tests;

public class BulkCsvTests
{
    private static BulkCsvFile? Read(string text, out string? error, int maxRows = 100, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [.. Encoding.UTF8.Preamble, .. bytes];
        }

        return BulkCsv.Read(bytes, maxRows, out error);
    }

    [Fact]
    public void Reads_a_header_and_rows_with_crlf_or_lf_and_a_byte_order_mark()
    {
        var file = Read("KIDC,SurnameLatin,dateofbirth\r\n1143321936,Sok,1990-04-17\n1143321937,Chan,1985\r\n", out var error, bom: true);

        Assert.Null(error);
        Assert.Equal(["kidc", "surnameLatin", "dateOfBirth"], file!.Columns);
        Assert.Equal(2, file.Rows.Count);
        Assert.Equal(["1143321936", "Sok", "1990-04-17"], file.Rows[0].Fields);
        Assert.Equal(2, file.Rows[0].Line);
        Assert.Equal(3, file.Rows[1].Line);
        Assert.Equal("Chan", file.Value(file.Rows[1], "surnameLatin"));
        Assert.Null(file.Value(file.Rows[1], "sex"));
        Assert.Equal(["surnameLatin", "dateOfBirth"], file.ClaimColumns);
    }

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks_and_line_numbers_follow_them()
    {
        var file = Read("kidc,givenNameLatin\n\"1143321936\",\"Srey, \"\"Mom\"\"\"\n1,\"two\r\nlines\"\n2,\"\"\n\n3,x", out var error);

        Assert.Null(error);
        Assert.Equal(4, file!.Rows.Count);
        Assert.Equal("Srey, \"Mom\"", file.Rows[0].Fields[1]);
        Assert.Equal("two\r\nlines", file.Rows[1].Fields[1]);
        Assert.Equal(3, file.Rows[1].Line);
        Assert.Equal("", file.Rows[2].Fields[1]);
        Assert.Equal(5, file.Rows[2].Line);
        // The blank line 6 is skipped; the last row has no line break.
        Assert.Equal(7, file.Rows[3].Line);
        Assert.Equal(["3", "x"], file.Rows[3].Fields);
    }

    [Fact]
    public void Khmer_text_survives_the_round_trip()
    {
        var file = Read("kidc,surnameKm,givenNameKm\n1143321936,សុខ,ស្រីមុំ\n", out var error);

        Assert.Null(error);
        Assert.Equal("ស្រីមុំ", file!.Rows[0].Fields[2]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\r\n\r\n", "empty")]
    [InlineData("kidc,surnameLatin\n", "no rows")]
    [InlineData("kidc,surname\n1,Sok\n", "unknown column 'surname'")]
    [InlineData("kidc,sex,Sex\n1,M,M\n", "'sex' appears twice")]
    [InlineData("surnameLatin,sex\nSok,M\n", "no 'kidc' column")]
    [InlineData("kidc\n1143321936\n", "names no attribute")]
    [InlineData("kidc,,sex\n1,,M\n", "column 2 of the header has no name")]
    public void A_file_level_problem_is_an_error_naming_it(string text, string expected)
    {
        var file = Read(text, out var error);

        Assert.Null(file);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("kidc,sex\n1,M\n2,\"F\n3,M\n", "Line 3: a quoted field is not closed")]
    [InlineData("kidc,sex\n1,M\n2,\"F\"x\n", "Line 3: text after the closing quote")]
    [InlineData("kidc,sex\n1,M\n2,F\"\n", "Line 3: a quote inside a field")]
    [InlineData("kidc,sex\n1,M\n2,F,extra\n", "Line 3: 3 field(s) where the header has 2")]
    [InlineData("kidc,sex\n1,M\n2\n", "Line 3: 1 field(s) where the header has 2")]
    [InlineData("kidc,sex\n1,M\n2,\0\n", "Line 3: the file contains a NUL character")]
    public void Errors_name_the_line(string text, string expected)
    {
        var file = Read(text, out var error);

        Assert.Null(file);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused()
    {
        var file = BulkCsv.Read(new byte[] { 0x6B, 0x69, 0x64, 0x63, 0x0A, 0xFF, 0xFE, 0x00 }, 10, out var error);

        Assert.Null(file);
        Assert.Contains("not UTF-8", error);
    }

    [Fact]
    public void More_rows_than_the_limit_are_refused_and_the_limit_itself_is_accepted()
    {
        var rows = string.Concat(Enumerable.Range(0, 5).Select(i => $"{i},M\n"));

        Assert.NotNull(Read("kidc,sex\n" + rows, out var error, maxRows: 5));
        Assert.Null(error);
        Assert.Null(Read("kidc,sex\n" + rows + "6,F\n", out error, maxRows: 5));
        Assert.Contains("more than 5 rows", error);
    }
}
