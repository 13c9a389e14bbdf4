using System.Globalization;
using System.Text;
using Nokor.Platform.Spreadsheets;

namespace Nokor.Platform.Tests.Spreadsheets;

public sealed class CsvTableWriterTests
{
    private static readonly byte[] s_bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public void File_is_UTF8_with_a_byte_order_mark_and_CRLF_line_ends()
    {
        var bytes = CsvTableWriter.ToBytes(SampleTables.BirthsBySex());

        Assert.Equal(s_bom, bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.Equal(CsvTableWriter.ToText(SampleTables.BirthsBySex()), text);
        Assert.StartsWith(SampleTables.KhmerTitle + ",", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);

        using var stream = new MemoryStream();
        CsvTableWriter.Write(SampleTables.BirthsBySex(), stream);
        Assert.Equal(bytes, stream.ToArray());
    }

    [Fact]
    public void Fields_are_quoted_when_they_hold_a_comma_a_quote_or_a_line_break()
    {
        var table = new SheetTable
        {
            SheetName = "Quoting",
            HeaderRows = [["Name", "Note", "Plain", "n"]],
            Rows =
            [
                ["Kampong Cham, Cheung Prey", "He said \"no\"", "plain", 1],
                ["two\r\nlines", "one\nbreak", "ភ្នំពេញ", 2],
            ],
        };

        var text = CsvTableWriter.ToText(table, CsvLayout.Data);

        Assert.Equal(
            "Name,Note,Plain,n\r\n" +
            "\"Kampong Cham, Cheung Prey\",\"He said \"\"no\"\"\",plain,1\r\n" +
            "\"two\nlines\",\"one\nbreak\",ភ្នំពេញ,2\r\n",
            text);
        Assert.Equal(
            [
                ["Name", "Note", "Plain", "n"],
                ["Kampong Cham, Cheung Prey", "He said \"no\"", "plain", "1"],
                ["two\nlines", "one\nbreak", "ភ្នំពេញ", "2"],
            ],
            Parse(text));
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_guarded_numbers_are_not()
    {
        var table = new SheetTable
        {
            SheetName = "Guard",
            HeaderRows = [["=HYPERLINK(\"http://x\")", "b", "c", "d", "e", "f", "g", "h"]],
            Rows =
            [
                ["=1+2", "+855 12 345 678", "-5", "@SUM(A1)", "\tcmd", -5, SheetCell.Decimal(-1.25m, 2), "a=b"],
                ["=cmd|' /C calc'!A0", SheetCell.Suppressed("-"), SheetCell.Percent(-0.125m), " =x", "", 0, SheetCell.Decimal(-0.04m, 1), "–"],
            ],
        };

        var rows = Parse(CsvTableWriter.ToText(table, CsvLayout.Data));

        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[0][0]);
        Assert.Equal(["'=1+2", "'+855 12 345 678", "'-5", "'@SUM(A1)", "'\tcmd", "-5", "-1.25", "a=b"], rows[1]);
        Assert.Equal(["'=cmd|' /C calc'!A0", "'-", "-12.5", " =x", "", "0", "0.0", "–"], rows[2]);
    }

    [Fact]
    public void Data_layout_has_one_header_line_flattened_from_two_rows_and_no_titles()
    {
        var rows = Parse(CsvTableWriter.ToText(SampleTables.BirthsBySex(), CsvLayout.Data));

        Assert.Equal(["Province", "Male: 0-4", "Male: 5-9", "Female: 0-4", "Female: 5-9", "Total", "Share female"], rows[0]);
        Assert.Equal([SampleTables.PhnomPenh, "1234", "1100", "1201", "1050", "4585", "49.1"], rows[1]);
        Assert.Equal([SampleTables.Battambang, "880", "<5", "901", "3", "–", "50.0"], rows[2]);
        Assert.Equal(["Total", "2114", "–", "2102", "", "-12.3", "49.91"], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void Report_layout_has_titles_both_header_rows_and_footnotes_on_lines_of_equal_width()
    {
        var rows = Parse(CsvTableWriter.ToText(SampleTables.BirthsBySex()));

        Assert.All(rows, r => Assert.Equal(7, r.Count));
        Assert.Equal(
            [
                SampleTables.KhmerTitle, "Births by province and sex", "Cambodia, 2025", "Cells under 5 suppressed", "",
                "Province", "", SampleTables.PhnomPenh, SampleTables.Battambang, "Total", "",
                "Source: civil registration, Ministry of Interior.", "– suppressed",
            ],
            rows.Select(r => r[0]));
        Assert.Equal(["Province", "Male", "", "Female", "", "Total", "Share female"], rows[5]);
        Assert.Equal(["", "0-4", "5-9", "0-4", "5-9", "", ""], rows[6]);
    }

    [Fact]
    public void Numbers_are_written_the_same_in_any_culture()
    {
        var table = new SheetTable
        {
            SheetName = "Culture",
            Rows = [[1234567, SheetCell.Decimal(1234.5m, 1), SheetCell.Percent(0.12345m, 2), SheetCell.Decimal(2m, 0)]],
        };

        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1234567,1234.5,12.35,2\r\n", CsvTableWriter.ToText(table, CsvLayout.Data));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("km-KH");
            Assert.Equal("1234567,1234.5,12.35,2\r\n", CsvTableWriter.ToText(table, CsvLayout.Data));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Flattened_headers_skip_empty_parts_and_keep_a_single_row_as_it_is()
    {
        var one = new SheetTable { SheetName = "One", HeaderRows = [["Year", "Births"]], Rows = [[2025, 350000]] };
        Assert.Equal(["Year", "Births"], one.FlattenedHeaders());

        var two = new SheetTable
        {
            SheetName = "Two",
            HeaderRows = [["", new SheetHeader("ប្រុស", 2), "Both"], ["Age", "Urban", "Rural", "Both"]],
        };
        Assert.Equal(["Age", "ប្រុស: Urban", "ប្រុស: Rural", "Both"], two.FlattenedHeaders());
        Assert.Equal("Age,ប្រុស: Urban,ប្រុស: Rural,Both\r\n", CsvTableWriter.ToText(two, CsvLayout.Data));

        var none = new SheetTable { SheetName = "None", Rows = [["a", 1]] };
        Assert.Empty(none.FlattenedHeaders());
        Assert.Equal("a,1\r\n", CsvTableWriter.ToText(none, CsvLayout.Data));
        Assert.Equal("a,1\r\n", CsvTableWriter.ToText(none, CsvLayout.Report));
    }

    [Fact]
    public void Inconsistent_tables_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CsvTableWriter.ToBytes(new SheetTable { SheetName = "x", HeaderRows = [["a", "b"]], Rows = [[1, 2, 3]] }));
    }

    /// <summary>An RFC 4180 reader: CRLF between records, quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.False(c is '"' or '\r' or '\n', $"unquoted {(int)c} at {i}");
                field.Append(c);
            }
        }

        Assert.True(field.Length == 0 && row.Count == 0 && !quoted, "the file must end with CRLF");
        return rows;
    }
}
