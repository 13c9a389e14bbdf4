using Nokor.Platform.Gazetteer;

namespace Nokor.Platform.Tests.Gazetteer;

public sealed class NcddWorkbookReaderEdgeCaseTests
{
    private static readonly object?[] _title = ["List of Gazetter Code for \"Kep\""];
    private static readonly object?[] _header = ["Type", "Code", "Name (Khmer)", "Name (Latin)", "Reference"];

    private static NcddWorkbook Read(params object?[][] rows)
    {
        using var xlsx = SyntheticWorkbook.Create(("23. Kep", rows));
        return NcddWorkbookReader.Read(xlsx);
    }

    [Fact]
    public void Reads_numeric_and_text_codes_and_skips_title_header_and_blank_rows()
    {
        var workbook = Read(
            _title,
            [],
            _header,
            ["ក្រុង", 2301, "កែប", "Kaeb", "ref"],
            ["សង្កាត់", "230101", "កែប", "Kaeb"],
            [null, null, null, "  "],
            ["ភូមិ", 23010101.0, "ថ្មី\u200B", "Thmei  Ka"]);

        Assert.Empty(workbook.Issues);
        Assert.Equal(["23", "2301", "230101", "23010101"], workbook.Units.Select(u => u.Code));
        var province = workbook.Units[0];
        Assert.Equal(("កែប", "Kep", "ខេត្ត", "Province"), (province.NameKm, province.NameLatin, province.TypeKm, province.TypeLatin));
        var village = workbook.Units[3];
        Assert.Equal(("ថ្មី", "Thmei Ka", "Phum", "230101"), (village.NameKm, village.NameLatin, village.TypeLatin, village.ParentCode));
    }

    [Fact]
    public void Reports_rows_it_cannot_understand_with_sheet_and_row()
    {
        var workbook = Read(
            _title,
            _header,
            ["ក្រុង", "2301", "កែប", "Kaeb"],
            ["ខេត្តថ្មី", "2302", "x", "x"],
            ["ស្រុក", "23A2", "x", "x"],
            ["ឃុំ", "2301011", "x", "x"],
            ["ស្រុក", "2402", "x", "x"],
            ["ស្រុក", "2301", "ម្ដងទៀត", "Again"],
            ["ឃុំ", "230102", "", "No Khmer"],
            ["ភូមិ", "23099901", "ឯកោ", "Orphan"]);

        Assert.Equal(["23", "2301"], workbook.Units.Select(u => u.Code));
        Assert.Equal("Kaeb", workbook.Units[1].NameLatin);
        var issues = workbook.Issues.Where(i => i.Sheet == "23. Kep").ToDictionary(i => i.Row, i => i.Message);
        Assert.Contains("unknown type word", issues[4], StringComparison.Ordinal);
        Assert.Contains("'23A2'", issues[5], StringComparison.Ordinal);
        Assert.Contains("6-digit", issues[6], StringComparison.Ordinal);
        Assert.Contains("province 23", issues[7], StringComparison.Ordinal);
        Assert.Contains("twice", issues[8], StringComparison.Ordinal);
        Assert.Contains("no Khmer name", issues[9], StringComparison.Ordinal);
        Assert.Contains("23099901 has no parent 230999", issues[10], StringComparison.Ordinal);
        Assert.Equal(7, workbook.Issues.Count);
    }

    [Fact]
    public void Reports_a_sheet_without_a_province_number_or_header()
    {
        using var xlsx = SyntheticWorkbook.Create(
            ("Summary", [["Type", "Code", "Name (Khmer)", "Name (Latin)"]]),
            ("24. Pailin", [["ក្រុង", "2401", "ប៉ៃលិន", "Pailin"]]));

        var workbook = NcddWorkbookReader.Read(xlsx);

        Assert.Contains(workbook.Issues, i => i.Sheet == "Summary" && i.Message.Contains("province number", StringComparison.Ordinal));
        Assert.Contains(workbook.Issues, i => i.Sheet == "24. Pailin" && i.Message.Contains("no header row", StringComparison.Ordinal));
        Assert.Equal(["24"], workbook.Units.Select(u => u.Code));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_invalid_data()
    {
        using var notZip = new MemoryStream("code,name\n12,Phnom Penh\n"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => NcddWorkbookReader.Read(notZip));

        using var emptyZip = new MemoryStream();
        using (new System.IO.Compression.ZipArchive(emptyZip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        emptyZip.Position = 0;
        Assert.Throws<InvalidDataException>(() => NcddWorkbookReader.Read(emptyZip));
    }

    [Fact]
    public void A_zip_bomb_or_a_sheet_of_too_many_rows_is_refused_before_it_is_read()
    {
        using var bomb = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(bomb, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[8 * 1024 * 1024]);
        }

        bomb.Position = 0;
        var refused = Assert.Throws<InvalidDataException>(() => NcddWorkbookReader.Read(bomb));
        Assert.Contains("times its packed size", refused.Message, StringComparison.Ordinal);

        var rows = Enumerable.Range(0, NcddWorkbookReader.MaxRowsPerSheet + 1).Select(_ => Array.Empty<object?>()).ToArray();
        using var huge = SyntheticWorkbook.Create(("23. Kep", rows));
        refused = Assert.Throws<InvalidDataException>(() => NcddWorkbookReader.Read(huge));
        Assert.Contains("more than 200,000 rows", refused.Message, StringComparison.Ordinal);
    }
}
