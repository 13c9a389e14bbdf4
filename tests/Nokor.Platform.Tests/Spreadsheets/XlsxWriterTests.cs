using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Nokor.Platform.Spreadsheets;

namespace Nokor.Platform.Tests.Spreadsheets;

public sealed class XlsxWriterTests
{
    private static readonly XNamespace s_main = XlsxPackage.Main;

    private static XlsxPackage Write(params SheetTable[] tables) => XlsxPackage.Open(XlsxWriter.ToBytes(tables));

    [Fact]
    public void Package_holds_the_required_parts_each_with_a_content_type()
    {
        var package = Write(SampleTables.BirthsBySex(), SampleTables.Rates());

        string[] required =
        [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "docProps/core.xml", "docProps/app.xml",
        ];
        Assert.Equal(required.Order(StringComparer.Ordinal), package.Parts.Keys.Order(StringComparer.Ordinal));

        var types = package.Parts["[Content_Types].xml"].Root!;
        var defaults = types.Elements(XlsxPackage.ContentTypes + "Default")
            .ToDictionary(d => (string)d.Attribute("Extension")!, d => (string)d.Attribute("ContentType")!);
        var overrides = types.Elements(XlsxPackage.ContentTypes + "Override")
            .ToDictionary(o => ((string)o.Attribute("PartName")!).TrimStart('/'), o => (string)o.Attribute("ContentType")!);

        Assert.All(overrides.Keys, part => Assert.Contains(part, package.Parts.Keys));
        foreach (var part in package.Parts.Keys.Where(p => p != "[Content_Types].xml"))
        {
            Assert.True(overrides.ContainsKey(part) || defaults.ContainsKey(part[(part.LastIndexOf('.') + 1)..]), $"{part} has no content type");
        }

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", overrides["xl/workbook.xml"]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml", overrides["xl/worksheets/sheet2.xml"]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", overrides["xl/styles.xml"]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml", overrides["xl/sharedStrings.xml"]);
        Assert.Equal("application/vnd.openxmlformats-package.core-properties+xml", overrides["docProps/core.xml"]);
        Assert.Equal("application/vnd.openxmlformats-package.relationships+xml", defaults["rels"]);
    }

    [Fact]
    public void Every_relationship_target_exists_and_the_workbook_is_found_from_the_root()
    {
        var package = Write(SampleTables.BirthsBySex(), SampleTables.Rates());

        foreach (var rels in package.Parts.Keys.Where(p => p.EndsWith(".rels", StringComparison.Ordinal)))
        {
            var folder = rels[..rels.IndexOf("_rels/", StringComparison.Ordinal)];
            foreach (var relationship in package.Parts[rels].Root!.Elements(XlsxPackage.PackageRelationships + "Relationship"))
            {
                var target = XlsxPackage.Resolve(folder, (string)relationship.Attribute("Target")!);
                Assert.True(package.Parts.ContainsKey(target), $"{rels} points at {target}, which is not in the package");
            }

            var ids = package.Parts[rels].Root!.Elements().Select(r => (string)r.Attribute("Id")!).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        var root = package.Relationships("");
        Assert.Equal("xl/workbook.xml", root.Values.Single(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target);
        Assert.Contains(root.Values, r => r.Type.EndsWith("/metadata/core-properties", StringComparison.Ordinal) && r.Target == "docProps/core.xml");
        Assert.Contains(root.Values, r => r.Type.EndsWith("/extended-properties", StringComparison.Ordinal) && r.Target == "docProps/app.xml");

        var workbook = package.Relationships("xl/workbook.xml");
        Assert.Equal(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"], package.Sheets.Select(s => s.Part));
        Assert.Contains(workbook.Values, r => r.Type.EndsWith("/styles", StringComparison.Ordinal) && r.Target == "xl/styles.xml");
        Assert.Contains(workbook.Values, r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal) && r.Target == "xl/sharedStrings.xml");
        Assert.All(package.Sheets, s => Assert.EndsWith("/worksheet", workbook.Values.Single(r => r.Target == s.Part).Type, StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_are_numeric_cells_with_their_published_value()
    {
        var package = Write(SampleTables.BirthsBySex());
        var sheet = package.Sheet(0);

        Assert.Equal(1234m, XlsxPackage.Number(sheet, "B8"));
        Assert.Equal(4585m, XlsxPackage.Number(sheet, "F8"));
        Assert.Equal(0.491m, XlsxPackage.Number(sheet, "G8"));
        Assert.Equal(3m, XlsxPackage.Number(sheet, "E9"));
        Assert.Equal(-12.3m, XlsxPackage.Number(sheet, "F10"));
        Assert.Equal(0.4991m, XlsxPackage.Number(sheet, "G10"));

        var numeric = sheet.Descendants(s_main + "c").Where(c => c.Element(s_main + "v") is not null && c.Attribute("t") is null).ToList();
        Assert.Equal(14, numeric.Count);
        Assert.DoesNotContain(sheet.Descendants(s_main + "c"), c => c.Element(s_main + "f") is not null);

        // An empty cell is absent; a suppressed one is text, which a sum skips.
        Assert.Null(XlsxPackage.Cell(sheet, "E10"));
        Assert.Null(XlsxPackage.Number(sheet, "C9"));
        Assert.Equal("<5", package.Text(sheet, "C9"));
        Assert.Equal("\u2013", package.Text(sheet, "F9"));
    }

    [Fact]
    public void Strings_resolve_back_to_the_input_Khmer_included()
    {
        var package = Write(SampleTables.BirthsBySex());
        var sheet = package.Sheet(0);

        Assert.Equal(SampleTables.KhmerTitle, package.Text(sheet, "A1"));
        Assert.Equal("Cambodia, 2025", package.Text(sheet, "A3"));
        Assert.Equal("Province", package.Text(sheet, "A6"));
        Assert.Equal("Male", package.Text(sheet, "B6"));
        Assert.Equal("Female", package.Text(sheet, "D6"));
        Assert.Equal("5-9", package.Text(sheet, "E7"));
        Assert.Equal(SampleTables.PhnomPenh, package.Text(sheet, "A8"));
        Assert.Equal(SampleTables.Battambang, package.Text(sheet, "A9"));
        Assert.Equal("– suppressed", package.Text(sheet, "A13"));
        Assert.Equal(package.SharedStrings.Count, package.SharedStrings.Distinct().Count());

        var sst = package.Parts["xl/sharedStrings.xml"].Root!;
        Assert.Equal(package.SharedStrings.Count, (int)sst.Attribute("uniqueCount")!);
        Assert.Equal(package.Parts.Values.SelectMany(p => p.Descendants(s_main + "c")).Count(c => (string?)c.Attribute("t") == "s"), (int)sst.Attribute("count")!);
        Assert.Equal(SampleTables.KhmerTitle, (string?)package.Parts["docProps/core.xml"].Root!.Element((XNamespace)"http://purl.org/dc/elements/1.1/" + "title"));
    }

    [Fact]
    public void Markup_and_characters_invalid_in_XML_are_escaped_or_removed()
    {
        var table = new SheetTable
        {
            SheetName = "Text",
            Rows =
            [
                ["<b>Tom & \"Jerry\"</b>", "bell\u0007 nul\0 lone\uD800 end", "  spaced  ", "line\r\nbreak", "\U0001F600 ok", "=SUM(A1:A2)"],
            ],
        };

        var package = Write(table);
        var sheet = package.Sheet(0);

        Assert.Equal("<b>Tom & \"Jerry\"</b>", package.Text(sheet, "A1"));
        Assert.Equal("bell nul lone end", package.Text(sheet, "B1"));
        Assert.Equal("  spaced  ", package.Text(sheet, "C1"));
        Assert.Equal("line\nbreak", package.Text(sheet, "D1"));
        Assert.Equal("\U0001F600 ok", package.Text(sheet, "E1"));
        Assert.Equal("=SUM(A1:A2)", package.Text(sheet, "F1"));
    }

    [Fact]
    public void Styles_referenced_exist_with_bold_titles_and_headers_and_number_formats()
    {
        var package = Write(SampleTables.BirthsBySex(), SampleTables.Rates());
        var styles = package.Parts["xl/styles.xml"].Root!;
        var xfs = styles.Element(s_main + "cellXfs")!.Elements(s_main + "xf").ToList();
        Assert.Equal(xfs.Count, (int)styles.Element(s_main + "cellXfs")!.Attribute("count")!);
        var fonts = styles.Element(s_main + "fonts")!.Elements(s_main + "font").Count();
        var fills = styles.Element(s_main + "fills")!.Elements(s_main + "fill").Count();
        var borders = styles.Element(s_main + "borders")!.Elements(s_main + "border").Count();
        foreach (var xf in xfs)
        {
            Assert.InRange((int)xf.Attribute("fontId")!, 0, fonts - 1);
            Assert.InRange((int)xf.Attribute("fillId")!, 0, fills - 1);
            Assert.InRange((int)xf.Attribute("borderId")!, 0, borders - 1);
            Assert.NotNull(package.FormatCode(xf));
        }

        foreach (var cell in package.Sheets.SelectMany(s => package.Parts[s.Part].Descendants(s_main + "c")))
        {
            Assert.InRange((int?)cell.Attribute("s") ?? 0, 0, xfs.Count - 1);
        }

        var sheet = package.Sheet(0);
        Assert.True(package.IsBold(package.CellFormat(sheet, "A1")));
        Assert.True(package.IsBold(package.CellFormat(sheet, "A4")));
        Assert.True(package.IsBold(package.CellFormat(sheet, "B6")));
        Assert.True(package.IsBold(package.CellFormat(sheet, "E7")));
        Assert.False(package.IsBold(package.CellFormat(sheet, "A8")));
        Assert.False(package.IsBold(package.CellFormat(sheet, "A12")));

        Assert.Equal("#,##0", package.FormatCode(package.CellFormat(sheet, "B8")));
        Assert.Equal("0.0%", package.FormatCode(package.CellFormat(sheet, "G8")));
        Assert.Equal("0.00%", package.FormatCode(package.CellFormat(sheet, "G10")));
        Assert.Equal("#,##0.0", package.FormatCode(package.CellFormat(sheet, "F10")));
        Assert.Equal("#,##0.00", package.FormatCode(package.CellFormat(package.Sheet(1), "B5")));
        Assert.Equal("right", (string?)package.CellFormat(sheet, "C9").Element(s_main + "alignment")?.Attribute("horizontal"));
    }

    [Fact]
    public void Sheet_names_are_sanitised_to_Excel_rules_and_unique()
    {
        var names = XlsxWriter.SanitizeSheetNames(
        [
            "Births [2025]: a/b\\c*d?e",
            "Births [2025]: a/b\\c*d?e",
            "births [2025]_ a_b_c_d_e",
            "A name that is far longer than thirty-one characters",
            "A name that is far longer than thirty-one characters",
            "'quoted'",
            "",
            null,
            "History",
            "កំណើតតាមខេត្តនិងភេទក្នុងឆ្នាំពីរពាន់",
            "tab\there",
        ]);

        Assert.Equal(
        [
            "Births _2025__ a_b_c_d_e",
            "Births _2025__ a_b_c_d_e (2)",
            "births _2025__ a_b_c_d_e (3)",
            "A name that is far longer than",
            "A name that is far longer t (2)",
            "quoted",
            "Sheet7",
            "Sheet8",
            "History_",
            "កំណើតតាមខេត្តនិងភេទក្នុងឆ្នាំពី",
            "tab here",
        ], names);
        Assert.All(names, n => Assert.InRange(n.Length, 1, XlsxWriter.MaxSheetNameLength));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var package = Write(SampleTables.Rates("Rates"), SampleTables.Rates("rates"), SampleTables.Rates("Rates: 2025/26"));
        Assert.Equal(["Rates", "rates (2)", "Rates_ 2025_26"], package.Sheets.Select(s => s.Name));
    }

    [Fact]
    public void Khmer_sheet_names_are_cut_between_syllables()
    {
        // 30 UTF-16 units of whole syllables, then a syllable of three ("ក្ក"): the cut must not split it.
        var name = new string('ក', 30) + "ក្ក";
        var sanitised = XlsxWriter.SanitizeSheetNames([name]).Single();
        Assert.Equal(new string('ក', 30), sanitised);
    }

    [Fact]
    public void The_same_tables_give_the_same_bytes_on_any_stream()
    {
        var first = XlsxWriter.ToBytes([SampleTables.BirthsBySex(), SampleTables.Rates()]);
        var second = XlsxWriter.ToBytes([SampleTables.BirthsBySex(), SampleTables.Rates()]);
        Assert.Equal(first, second);

        using var unseekable = new ForwardOnlyStream();
        XlsxWriter.Write([SampleTables.BirthsBySex(), SampleTables.Rates()], unseekable);
        Assert.Equal(first, unseekable.ToArray());

        var package = XlsxPackage.Open(first);
        Assert.All(package.EntryTimes.Values, t => Assert.Equal(new DateTime(1980, 1, 1), t.DateTime));
        Assert.DoesNotContain(package.Parts["docProps/core.xml"].Root!.Elements(), e => e.Name.LocalName is "created" or "modified");
    }

    [Fact]
    public void A_given_timestamp_is_stamped_on_the_entries_and_the_document()
    {
        var time = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(7));
        var options = new XlsxOptions { Timestamp = time, Creator = "National Institute of Statistics" };
        var bytes = XlsxWriter.ToBytes([SampleTables.Rates()], options);
        Assert.Equal(bytes, XlsxWriter.ToBytes([SampleTables.Rates()], options));

        var package = XlsxPackage.Open(bytes);
        Assert.All(package.EntryTimes.Values, t => Assert.Equal(new DateTime(2026, 3, 14, 9, 30, 0), t.DateTime));
        var core = package.Parts["docProps/core.xml"].Root!;
        Assert.Equal("2026-03-14T02:30:00Z", core.Elements().Single(e => e.Name.LocalName == "created").Value);
        Assert.Equal("National Institute of Statistics", core.Elements().Single(e => e.Name.LocalName == "creator").Value);
        Assert.NotEqual(bytes, XlsxWriter.ToBytes([SampleTables.Rates()]));
    }

    [Fact]
    public void Headers_are_frozen_merged_and_repeated_on_printed_pages()
    {
        var package = Write(SampleTables.BirthsBySex(), SampleTables.Rates());
        var sheet = package.Sheet(0);

        var pane = sheet.Descendants(s_main + "pane").Single();
        Assert.Equal("frozen", (string?)pane.Attribute("state"));
        Assert.Equal("7", (string?)pane.Attribute("ySplit"));
        Assert.Equal("A8", (string?)pane.Attribute("topLeftCell"));
        Assert.Null(pane.Attribute("xSplit"));

        var merges = sheet.Descendants(s_main + "mergeCell").Select(m => (string)m.Attribute("ref")!).ToList();
        Assert.Equal(["A6:A7", "B6:C6", "D6:E6", "F6:F7", "G6:G7"], merges);
        Assert.Equal("A1:G13", (string?)sheet.Descendants(s_main + "dimension").Single().Attribute("ref"));

        var printTitles = package.Parts["xl/workbook.xml"].Descendants(s_main + "definedName")
            .Select(d => ((string?)d.Attribute("localSheetId"), d.Value)).ToList();
        Assert.Equal([("0", "'Births by sex'!$6:$7"), ("1", "'Rates'!$3:$3")], printTitles);

        // Worksheet children in the order the schema requires.
        var order = new[] { "dimension", "sheetViews", "cols", "sheetData", "mergeCells", "pageMargins" };
        Assert.Equal(order, sheet.Root!.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Khmer_columns_are_wider_and_Khmer_rows_taller()
    {
        var table = new SheetTable
        {
            SheetName = "Widths",
            HeaderRows = [["Name", "ឈ្មោះ", "n"]],
            Rows =
            [
                ["Phnom Penh Capital", "រាជធានីភ្នំពេញរាជធានីភ្នំពេញ", 1],
                ["Battambang", "ខេត្តបាត់ដំបង", 22],
            ],
        };

        var sheet = Write(table).Sheet(0);
        var widths = sheet.Descendants(s_main + "col").Select(c => double.Parse((string)c.Attribute("width")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, widths.Count);
        Assert.True(widths[1] > widths[0], $"Khmer column {widths[1]} should be wider than Latin column {widths[0]}");
        Assert.Equal(8, widths[2]);

        var rows = sheet.Descendants(s_main + "row").ToDictionary(r => (int)r.Attribute("r")!, r => (double?)r.Attribute("ht"));
        Assert.True(rows[2] >= 20);
        Assert.True(rows[1] >= 20);
    }

    [Fact]
    public void Column_names_go_past_Z()
    {
        Assert.Equal("A", XlsxWriter.ColumnName(0));
        Assert.Equal("Z", XlsxWriter.ColumnName(25));
        Assert.Equal("AA", XlsxWriter.ColumnName(26));
        Assert.Equal("AZ", XlsxWriter.ColumnName(51));
        Assert.Equal("ZZ", XlsxWriter.ColumnName(701));
        Assert.Equal("AAA", XlsxWriter.ColumnName(702));

        var wide = new SheetTable { SheetName = "Wide", Rows = [Enumerable.Range(1, 30).Select(i => (SheetCell)i).ToList()] };
        var sheet = Write(wide).Sheet(0);
        Assert.Equal(30m, XlsxPackage.Number(sheet, "AD1"));
        Assert.Equal("A1:AD1", (string?)sheet.Descendants(s_main + "dimension").Single().Attribute("ref"));
    }

    [Fact]
    public void A_table_without_text_has_no_shared_strings_part_and_stays_consistent()
    {
        var numbers = new SheetTable { SheetName = "Numbers", Rows = [[1, 2], [3, SheetCell.Percent(0.25m, 0)]] };
        var package = Write(numbers);

        Assert.DoesNotContain("xl/sharedStrings.xml", package.Parts.Keys);
        Assert.DoesNotContain(package.Relationships("xl/workbook.xml").Values, r => r.Target == "xl/sharedStrings.xml");
        Assert.Empty(package.Sheet(0).Descendants(s_main + "pane"));
        Assert.Equal("0%", package.FormatCode(package.CellFormat(package.Sheet(0), "B2")));
        Assert.Equal(0.25m, XlsxPackage.Number(package.Sheet(0), "B2"));
    }

    [Fact]
    public void Inconsistent_tables_are_refused()
    {
        Assert.Throws<ArgumentException>(() => XlsxWriter.ToBytes([]));
        Assert.Throws<ArgumentException>(() => XlsxWriter.ToBytes([new SheetTable { SheetName = "x", HeaderRows = [["a"], ["b"], ["c"]] }]));
        Assert.Throws<ArgumentException>(() => XlsxWriter.ToBytes([new SheetTable { SheetName = "x", HeaderRows = [[new SheetHeader("a", 2)], ["b"]] }]));
        Assert.Throws<ArgumentException>(() => XlsxWriter.ToBytes([new SheetTable { SheetName = "x", HeaderRows = [["a"]], Rows = [[1, 2]] }]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SheetCell.Decimal(1m, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SheetHeader("a", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => XlsxWriter.ToBytes([SampleTables.Rates()], new XlsxOptions { Timestamp = new DateTimeOffset(1979, 12, 31, 0, 0, 0, TimeSpan.Zero) }));
    }

    [Fact]
    public void The_package_is_a_zip_with_the_content_types_first()
    {
        using var zip = new ZipArchive(new MemoryStream(XlsxWriter.ToBytes([SampleTables.Rates()])), ZipArchiveMode.Read);
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
        Assert.All(zip.Entries, e => Assert.DoesNotContain('\\', e.FullName));
    }

    /// <summary>A stream that can only be written forwards, like an HTTP response body.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        private readonly MemoryStream _inner = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] ToArray() => _inner.ToArray();

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
