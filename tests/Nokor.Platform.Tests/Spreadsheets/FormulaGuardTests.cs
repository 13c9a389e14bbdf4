using System.Text;
using Nokor.Platform.Spreadsheets;

namespace Nokor.Platform.Tests.Spreadsheets;

/// <summary>CSV injection (OWASP): input that a spreadsheet would run as a formula never reaches one.</summary>
public sealed class FormulaGuardTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1")]
    [InlineData("-1+2")]
    [InlineData("@SUM(1)")]
    [InlineData("\t=cmd")]
    [InlineData("\r=cmd")]
    [InlineData("\uFF1D1+1")]
    [InlineData("\uFF0B1")]
    [InlineData("\uFF0D1")]
    [InlineData("\uFF20SUM(1)")]
    public void Text_that_starts_like_a_formula_gets_a_leading_apostrophe(string text)
    {
        Assert.True(FormulaGuard.LooksLikeFormula(text));
        Assert.Equal("'" + text, FormulaGuard.Neutralize(text));
    }

    [Theory]
    [InlineData("Sok")]
    [InlineData("a=b")]
    [InlineData(" =x")]
    [InlineData("'=x")]
    [InlineData("1990-04-17")]
    [InlineData("សុខ")]
    [InlineData("")]
    public void Other_text_is_left_as_it_is(string text)
    {
        Assert.False(FormulaGuard.LooksLikeFormula(text));
        Assert.Same(text, FormulaGuard.Neutralize(text));
    }

    [Fact]
    public void A_record_file_guards_text_cells_and_keeps_negative_numbers_numbers()
    {
        var bytes = CsvTableWriter.RecordsToBytes(
            ["reference", "note", "amount", "rate"],
            [
                ["=HYPERLINK(\"http://x\",\"y\")", "-1500", -1500, SheetCell.Decimal(-2.5m)],
                ["\tcmd", "\uFF20A1", 0, SheetCell.Decimal(1.25m, 2)],
            ]);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal(
            "reference,note,amount,rate\r\n" +
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'-1500,-1500,-2.5\r\n" +
            "'\tcmd,'\uFF20A1,0,1.25\r\n",
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public void A_record_appended_line_by_line_is_written_as_in_a_table()
    {
        var csv = new StringBuilder();
        CsvTableWriter.AppendRecord(csv, ["@SUM(1)", "+1", SheetCell.Empty, -7, "a,b"]);

        Assert.Equal("'@SUM(1),'+1,,-7,\"a,b\"\r\n", csv.ToString());
        Assert.Equal(csv.ToString(), CsvTableWriter.ToText(CsvTableWriter.Records([], [["@SUM(1)", "+1", SheetCell.Empty, -7, "a,b"]]), CsvLayout.Data));
    }

    [Fact]
    public void An_xlsx_holds_input_as_a_shared_string_never_as_a_formula()
    {
        var table = CsvTableWriter.Records(["reference", "amount"], [["=HYPERLINK(\"http://x\",\"y\")", -1500], ["@SUM(1)", 3]]);

        var package = XlsxPackage.Open(XlsxWriter.ToBytes([table]));
        var sheet = package.Sheet(0);

        Assert.DoesNotContain(package.Parts.Values, part => part.Descendants(XlsxPackage.Main + "f").Any());
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", package.Text(sheet, "A2"));
        Assert.Equal("s", (string?)XlsxPackage.Cell(sheet, "A2")!.Attribute("t"));
        Assert.Equal("@SUM(1)", package.Text(sheet, "A3"));
        Assert.Equal(-1500m, XlsxPackage.Number(sheet, "B2"));
    }
}
