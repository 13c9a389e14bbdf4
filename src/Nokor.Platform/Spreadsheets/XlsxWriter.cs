using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Nokor.Platform.Khmer;

namespace Nokor.Platform.Spreadsheets;

/// <summary>Package-level settings of a workbook written by <see cref="XlsxWriter"/>.</summary>
public sealed class XlsxOptions
{
    /// <summary>
    /// The time stamped on every zip entry and written as the document's created and modified
    /// dates. Null (the default) stamps <see cref="XlsxWriter.FixedEpoch"/> and writes no dates, so
    /// the same tables always give the same bytes (downloads can be cached and compared). Between
    /// 1980 and 2107, the range of zip dates; its clock time is stamped as given.
    /// </summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The document title; by default the first title line of the first sheet.</summary>
    public string? Title { get; init; }

    /// <summary>The document's author, for example the publishing office; none by default.</summary>
    public string? Creator { get; init; }
}

/// <summary>
/// Writes statistical tables as an Office Open XML workbook (.xlsx) with nothing but
/// <see cref="ZipArchive"/> and <see cref="XmlWriter"/>: the parts Excel and LibreOffice need
/// and no more, one worksheet per table. Numbers are numeric cells, so a reader can sum them;
/// text is never a formula, so a published name cannot run as one. Strings go into the shared
/// strings part rather than inline: it is the form every reader supports (inline strings are
/// skipped by some simple readers), and statistical tables repeat the same labels and
/// suppression markers on every row, which the shared table stores once.
/// <para>
/// Why the package is written here and not by the Open XML SDK (DocumentFormat.OpenXml, which the
/// gazetteer reader uses): a published table's workbook is the same bytes every time
/// (<see cref="XlsxOptions.Timestamp"/>), so downloads can be cached and compared, and the SDK
/// cannot give that. Its package layer (System.IO.Packaging) stamps every zip entry with the
/// clock's time and offers no way to set it, writes <c>[Content_Types].xml</c> last (the
/// convention, kept here, is first), names the relationships of the workbook, core and app parts
/// with random ids (<c>Rb5b3e4c4…</c>), and covers the workbook part with a <c>Default</c> content
/// type rather than an <c>Override</c> (checked with version 3.3.0). Using it would mean unpacking
/// and repacking its output to undo each of these, more code than the few part writers below.
/// </para>
/// </summary>
public static class XlsxWriter
{
    /// <summary>The media type of an .xlsx download.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit on the length of a sheet name.</summary>
    public const int MaxSheetNameLength = 31;

    /// <summary>The time stamped on the zip entries when the caller gives none: the earliest a zip can hold.</summary>
    public static readonly DateTimeOffset FixedEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const double KhmerRowHeight = 22.5;
    private const double LatinRowHeight = 15;
    private const double MinColumnWidth = 8;
    private const double MaxColumnWidth = 60;
    private const double ColumnPadding = 2;

    private static readonly XmlWriterSettings s_xmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        NewLineHandling = NewLineHandling.None,
        CloseOutput = false,
    };

    private static readonly char[] s_invalidSheetNameChars = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>Writes the workbook to <paramref name="output"/> (built in memory first, so any stream gives the same bytes).</summary>
    /// <exception cref="ArgumentException">No sheets, or a table is inconsistent (see <see cref="SheetTable.Validate"/>).</exception>
    public static void Write(IReadOnlyList<SheetTable> sheets, Stream output, XlsxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var bytes = ToBytes(sheets, options);
        output.Write(bytes);
    }

    /// <summary>Writes the workbook to <paramref name="output"/> asynchronously (an HTTP response body allows no synchronous writes).</summary>
    public static async Task WriteAsync(IReadOnlyList<SheetTable> sheets, Stream output, XlsxOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var bytes = ToBytes(sheets, options);
        await output.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>The workbook's bytes.</summary>
    /// <exception cref="ArgumentException">No sheets, or a table is inconsistent (see <see cref="SheetTable.Validate"/>).</exception>
    public static byte[] ToBytes(IReadOnlyList<SheetTable> sheets, XlsxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }

        foreach (var sheet in sheets)
        {
            ArgumentNullException.ThrowIfNull(sheet, nameof(sheets));
            sheet.Validate();
        }

        options ??= new XlsxOptions();
        var timestamp = options.Timestamp ?? FixedEpoch;
        if (timestamp.Year is < 1980 or > 2107)
        {
            throw new ArgumentOutOfRangeException(nameof(options), timestamp, "A zip entry's date lies between 1980 and 2107.");
        }

        var names = SanitizeSheetNames(sheets.Select(s => s.SheetName));
        var styles = new XlsxStyles(sheets);
        var strings = new SharedStrings();
        var title = options.Title ?? sheets[0].Titles.FirstOrDefault();

        var parts = new List<(string Name, byte[] Content)>();
        void Part(string name, Action<XmlWriter> write) => parts.Add((name, Render(write)));

        // Sheets first: they fill the shared strings, which decide whether that part exists.
        var worksheets = new List<byte[]>();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var selected = i == 0;
            worksheets.Add(Render(w => WriteWorksheet(w, sheet, strings, styles, selected)));
        }

        var hasStrings = strings.Count > 0;
        Part("[Content_Types].xml", w => WriteContentTypes(w, sheets.Count, hasStrings));
        Part("_rels/.rels", WriteRootRelationships);
        Part("docProps/core.xml", w => WriteCoreProperties(w, title, options.Creator, options.Timestamp));
        Part("docProps/app.xml", WriteExtendedProperties);
        Part("xl/workbook.xml", w => WriteWorkbook(w, sheets, names));
        Part("xl/_rels/workbook.xml.rels", w => WriteWorkbookRelationships(w, sheets.Count, hasStrings));
        Part("xl/styles.xml", styles.Write);
        for (var i = 0; i < worksheets.Count; i++)
        {
            parts.Add(($"xl/worksheets/sheet{i + 1}.xml", worksheets[i]));
        }

        if (hasStrings)
        {
            Part("xl/sharedStrings.xml", strings.Write);
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = timestamp;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Names that Excel accepts, in order: the characters <c>[ ] : * ? / \</c> become "_", control
    /// characters go, no leading or trailing apostrophe or space, at most 31 characters (cut
    /// between Khmer syllables, never inside one), "History" (reserved by Excel) becomes
    /// "History_", an empty name becomes "Sheet<i>n</i>", and a name already taken (compared
    /// without regard to case, as Excel does) gets " (2)", " (3)"… within the 31 characters.
    /// </summary>
    public static IReadOnlyList<string> SanitizeSheetNames(IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var raw in names)
        {
            var name = CleanSheetName(raw ?? "");
            if (name.Length == 0)
            {
                name = "Sheet" + (result.Count + 1).ToString(CultureInfo.InvariantCulture);
            }

            if (name.Equals("History", StringComparison.OrdinalIgnoreCase))
            {
                name += "_";
            }

            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
            {
                var suffix = " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
                unique = Truncate(name, MaxSheetNameLength - suffix.Length).TrimEnd() + suffix;
            }

            result.Add(unique);
        }

        return result;
    }

    private static string CleanSheetName(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in SpreadsheetText.CleanForXml(raw))
        {
            builder.Append(Array.IndexOf(s_invalidSheetNameChars, c) >= 0 ? '_' : char.IsControl(c) ? ' ' : c);
        }

        var name = builder.ToString().Trim().Trim('\'').Trim();
        return Truncate(name, MaxSheetNameLength).TrimEnd().TrimEnd('\'');
    }

    /// <summary>At most <paramref name="length"/> UTF-16 units of <paramref name="text"/>, cut between syllables and surrogate pairs.</summary>
    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var end = 0;
        while (end < text.Length)
        {
            var next = char.IsHighSurrogate(text[end]) ? 2 : KhmerClusters.Length(text.AsSpan(end));
            if (end + next > length)
            {
                break;
            }

            end += next;
        }

        return text[..end];
    }

    /// <summary>The column letters of a zero-based column index: 0 is A, 26 is AA.</summary>
    internal static string ColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    private static byte[] Render(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, s_xmlSettings))
        {
            writer.WriteStartDocument(standalone: true);
            write(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static string CellName(int column, int row) => ColumnName(column) + Number(row);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void WriteContentTypes(XmlWriter w, int sheetCount, bool hasStrings)
    {
        w.WriteStartElement("Types", XlsxNamespaces.ContentTypes);
        Default(w, "rels", XlsxNamespaces.RelationshipsContent);
        Default(w, "xml", "application/xml");
        Override(w, "/xl/workbook.xml", XlsxNamespaces.WorkbookContent);
        for (var i = 1; i <= sheetCount; i++)
        {
            Override(w, $"/xl/worksheets/sheet{i}.xml", XlsxNamespaces.WorksheetContent);
        }

        Override(w, "/xl/styles.xml", XlsxNamespaces.StylesContent);
        if (hasStrings)
        {
            Override(w, "/xl/sharedStrings.xml", XlsxNamespaces.SharedStringsContent);
        }

        Override(w, "/docProps/core.xml", XlsxNamespaces.CorePropertiesContent);
        Override(w, "/docProps/app.xml", XlsxNamespaces.ExtendedPropertiesContent);
        w.WriteEndElement();

        static void Default(XmlWriter w, string extension, string type)
        {
            w.WriteStartElement("Default");
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        static void Override(XmlWriter w, string part, string type)
        {
            w.WriteStartElement("Override");
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship");
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    private static void WriteRootRelationships(XmlWriter w)
    {
        w.WriteStartElement("Relationships", XlsxNamespaces.PackageRelationships);
        Relationship(w, "rId1", XlsxNamespaces.OfficeDocumentType, "xl/workbook.xml");
        Relationship(w, "rId2", XlsxNamespaces.CorePropertiesType, "docProps/core.xml");
        Relationship(w, "rId3", XlsxNamespaces.ExtendedPropertiesType, "docProps/app.xml");
        w.WriteEndElement();
    }

    private static void WriteWorkbookRelationships(XmlWriter w, int sheetCount, bool hasStrings)
    {
        w.WriteStartElement("Relationships", XlsxNamespaces.PackageRelationships);
        for (var i = 1; i <= sheetCount; i++)
        {
            Relationship(w, "rId" + Number(i), XlsxNamespaces.WorksheetType, $"worksheets/sheet{i}.xml");
        }

        Relationship(w, "rId" + Number(sheetCount + 1), XlsxNamespaces.StylesType, "styles.xml");
        if (hasStrings)
        {
            Relationship(w, "rId" + Number(sheetCount + 2), XlsxNamespaces.SharedStringsType, "sharedStrings.xml");
        }

        w.WriteEndElement();
    }

    private static void WriteCoreProperties(XmlWriter w, string? title, string? creator, DateTimeOffset? timestamp)
    {
        w.WriteStartElement("cp", "coreProperties", XlsxNamespaces.CoreProperties);
        w.WriteAttributeString("xmlns", "dc", null, XlsxNamespaces.DublinCore);
        w.WriteAttributeString("xmlns", "dcterms", null, XlsxNamespaces.DublinCoreTerms);
        w.WriteAttributeString("xmlns", "xsi", null, XlsxNamespaces.XmlSchemaInstance);
        if (!string.IsNullOrEmpty(title))
        {
            w.WriteElementString("dc", "title", XlsxNamespaces.DublinCore, SpreadsheetText.CleanForXml(title));
        }

        if (!string.IsNullOrEmpty(creator))
        {
            w.WriteElementString("dc", "creator", XlsxNamespaces.DublinCore, SpreadsheetText.CleanForXml(creator));
        }

        if (timestamp is { } time)
        {
            var text = time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            foreach (var element in new[] { "created", "modified" })
            {
                w.WriteStartElement("dcterms", element, XlsxNamespaces.DublinCoreTerms);
                w.WriteAttributeString("xsi", "type", XlsxNamespaces.XmlSchemaInstance, "dcterms:W3CDTF");
                w.WriteString(text);
                w.WriteEndElement();
            }
        }

        w.WriteEndElement();
    }

    private static void WriteExtendedProperties(XmlWriter w)
    {
        w.WriteStartElement("Properties", XlsxNamespaces.ExtendedProperties);
        w.WriteElementString("Application", XlsxNamespaces.ExtendedProperties, "Nokor");
        w.WriteEndElement();
    }

    private static void WriteWorkbook(XmlWriter w, IReadOnlyList<SheetTable> sheets, IReadOnlyList<string> names)
    {
        w.WriteStartElement("workbook", XlsxNamespaces.Main);
        w.WriteAttributeString("xmlns", "r", null, XlsxNamespaces.OfficeRelationships);
        w.WriteStartElement("bookViews");
        w.WriteStartElement("workbookView");
        w.WriteAttributeString("activeTab", "0");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("sheets");
        for (var i = 0; i < sheets.Count; i++)
        {
            w.WriteStartElement("sheet");
            w.WriteAttributeString("name", names[i]);
            w.WriteAttributeString("sheetId", Number(i + 1));
            w.WriteAttributeString("r", "id", XlsxNamespaces.OfficeRelationships, "rId" + Number(i + 1));
            w.WriteEndElement();
        }

        w.WriteEndElement();

        // The header rows repeat at the top of every printed page.
        var printTitles = Enumerable.Range(0, sheets.Count).Where(i => sheets[i].HeaderRows.Count > 0).ToList();
        if (printTitles.Count > 0)
        {
            w.WriteStartElement("definedNames");
            foreach (var i in printTitles)
            {
                var layout = new SheetLayout(sheets[i]);
                w.WriteStartElement("definedName");
                w.WriteAttributeString("name", "_xlnm.Print_Titles");
                w.WriteAttributeString("localSheetId", Number(i));
                w.WriteString($"'{names[i].Replace("'", "''", StringComparison.Ordinal)}'!${Number(layout.HeaderStart)}:${Number(layout.BodyStart - 1)}");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteWorksheet(XmlWriter w, SheetTable table, SharedStrings strings, XlsxStyles styles, bool selected)
    {
        var layout = new SheetLayout(table);
        var columns = table.ColumnCount;

        w.WriteStartElement("worksheet", XlsxNamespaces.Main);

        w.WriteStartElement("dimension");
        w.WriteAttributeString("ref", layout.LastRow == 0 ? "A1" : $"A1:{CellName(Math.Max(columns, 1) - 1, layout.LastRow)}");
        w.WriteEndElement();

        w.WriteStartElement("sheetViews");
        w.WriteStartElement("sheetView");
        if (selected)
        {
            w.WriteAttributeString("tabSelected", "1");
        }

        w.WriteAttributeString("workbookViewId", "0");
        if (table.HeaderRows.Count > 0)
        {
            var topLeft = CellName(0, layout.BodyStart);
            w.WriteStartElement("pane");
            w.WriteAttributeString("ySplit", Number(layout.BodyStart - 1));
            w.WriteAttributeString("topLeftCell", topLeft);
            w.WriteAttributeString("activePane", "bottomLeft");
            w.WriteAttributeString("state", "frozen");
            w.WriteEndElement();
            w.WriteStartElement("selection");
            w.WriteAttributeString("pane", "bottomLeft");
            w.WriteAttributeString("activeCell", topLeft);
            w.WriteAttributeString("sqref", topLeft);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();

        if (columns > 0)
        {
            w.WriteStartElement("cols");
            var widths = ColumnWidths(table);
            for (var c = 0; c < columns; c++)
            {
                w.WriteStartElement("col");
                w.WriteAttributeString("min", Number(c + 1));
                w.WriteAttributeString("max", Number(c + 1));
                w.WriteAttributeString("width", Number(widths[c]));
                w.WriteAttributeString("customWidth", "1");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        var merges = new List<string>();
        w.WriteStartElement("sheetData");
        for (var i = 0; i < table.Titles.Count; i++)
        {
            WriteTextRow(w, layout.TitleStart + i, table.Titles[i], XlsxStyles.Title, strings);
        }

        for (var h = 0; h < table.HeaderRows.Count; h++)
        {
            var row = layout.HeaderStart + h;
            var headers = table.HeaderColumns(h);
            StartRow(w, row, RowHeight(headers.Where(x => x.IsFirst).Select(x => x.Header.Text)));
            for (var c = 0; c < headers.Count; c++)
            {
                var (header, isFirst) = headers[c];
                WriteStringCell(w, CellName(c, row), isFirst ? header.Text : "", XlsxStyles.Header, strings);
                if (!isFirst)
                {
                    continue;
                }

                if (header.Span > 1)
                {
                    merges.Add($"{CellName(c, row)}:{CellName(c + header.Span - 1, row)}");
                }
                else if (h == 0 && table.HeaderRows.Count == 2 && header.Text.Length > 0)
                {
                    // A stub heading ("Province") given only in the group row covers both rows.
                    var below = table.HeaderColumns(1)[c].Header;
                    if (below.Span == 1 && below.Text.Trim().Length == 0)
                    {
                        merges.Add($"{CellName(c, row)}:{CellName(c, row + 1)}");
                    }
                }
            }

            w.WriteEndElement();
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = layout.BodyStart + r;
            var cells = table.Rows[r];
            StartRow(w, row, RowHeight(cells.Where(c => c.TextValue is not null).Select(c => c.TextValue!)));
            for (var c = 0; c < cells.Count; c++)
            {
                WriteCell(w, CellName(c, row), cells[c], strings, styles);
            }

            w.WriteEndElement();
        }

        for (var i = 0; i < table.Footnotes.Count; i++)
        {
            WriteTextRow(w, layout.FootnoteStart + i, table.Footnotes[i], XlsxStyles.Default, strings);
        }

        w.WriteEndElement();

        if (merges.Count > 0)
        {
            w.WriteStartElement("mergeCells");
            w.WriteAttributeString("count", Number(merges.Count));
            foreach (var merge in merges)
            {
                w.WriteStartElement("mergeCell");
                w.WriteAttributeString("ref", merge);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteStartElement("pageMargins");
        w.WriteAttributeString("left", "0.7");
        w.WriteAttributeString("right", "0.7");
        w.WriteAttributeString("top", "0.75");
        w.WriteAttributeString("bottom", "0.75");
        w.WriteAttributeString("header", "0.3");
        w.WriteAttributeString("footer", "0.3");
        w.WriteEndElement();

        w.WriteEndElement();
    }

    private static void WriteTextRow(XmlWriter w, int row, string text, int style, SharedStrings strings)
    {
        StartRow(w, row, RowHeight([text]));
        WriteStringCell(w, CellName(0, row), text, style, strings);
        w.WriteEndElement();
    }

    private static void StartRow(XmlWriter w, int row, double? height)
    {
        w.WriteStartElement("row");
        w.WriteAttributeString("r", Number(row));
        if (height is { } ht)
        {
            w.WriteAttributeString("ht", Number(ht));
            w.WriteAttributeString("customHeight", "1");
        }
    }

    /// <summary>
    /// A row holding Khmer is given a height that fits its stacked subscripts and vowel signs
    /// (Excel sizes rows for its Latin default font); a row with line breaks, one per line.
    /// </summary>
    private static double? RowHeight(IEnumerable<string> texts)
    {
        var khmer = false;
        var lines = 1;
        foreach (var text in texts)
        {
            khmer |= SpreadsheetText.ContainsKhmer(text);
            lines = Math.Max(lines, SpreadsheetText.CleanForXml(text).Count(c => c == '\n') + 1);
        }

        return khmer ? KhmerRowHeight * lines : lines > 1 ? LatinRowHeight * lines : null;
    }

    private static void WriteStringCell(XmlWriter w, string reference, string text, int style, SharedStrings strings)
    {
        var clean = SpreadsheetText.CleanForXml(text);
        if (clean.Length == 0 && style == XlsxStyles.Default)
        {
            return;
        }

        w.WriteStartElement("c");
        w.WriteAttributeString("r", reference);
        if (style != XlsxStyles.Default)
        {
            w.WriteAttributeString("s", Number(style));
        }

        if (clean.Length > 0)
        {
            w.WriteAttributeString("t", "s");
            w.WriteElementString("v", Number(strings.Index(clean)));
        }

        w.WriteEndElement();
    }

    private static void WriteCell(XmlWriter w, string reference, SheetCell cell, SharedStrings strings, XlsxStyles styles)
    {
        switch (cell.Kind)
        {
            case SheetCellKind.Text:
            case SheetCellKind.Suppressed:
                WriteStringCell(w, reference, cell.TextValue ?? "", styles.For(cell), strings);
                break;
            case SheetCellKind.Integer:
            case SheetCellKind.Decimal:
            case SheetCellKind.Percent:
                w.WriteStartElement("c");
                w.WriteAttributeString("r", reference);
                w.WriteAttributeString("s", Number(styles.For(cell)));
                w.WriteElementString("v", cell.NumberValue.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
                break;
        }
    }

    /// <summary>Each column wide enough for its widest heading or value, within 8 and 60 digits.</summary>
    private static double[] ColumnWidths(SheetTable table)
    {
        var widths = new double[table.ColumnCount];
        for (var h = 0; h < table.HeaderRows.Count; h++)
        {
            var headers = table.HeaderColumns(h);
            for (var c = 0; c < headers.Count; c++)
            {
                var header = headers[c].Header;
                widths[c] = Math.Max(widths[c], SpreadsheetText.DisplayWidth(SpreadsheetText.CleanForXml(header.Text)) / header.Span);
            }
        }

        foreach (var row in table.Rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                widths[c] = Math.Max(widths[c], SpreadsheetText.DisplayWidth(Shown(row[c])));
            }
        }

        for (var c = 0; c < widths.Length; c++)
        {
            widths[c] = Math.Round(Math.Clamp(widths[c] + ColumnPadding, MinColumnWidth, MaxColumnWidth), 2);
        }

        return widths;
    }

    /// <summary>A cell as a spreadsheet shows it, for measuring.</summary>
    private static string Shown(SheetCell cell) => cell.Kind switch
    {
        SheetCellKind.Text or SheetCellKind.Suppressed => SpreadsheetText.CleanForXml(cell.TextValue ?? ""),
        SheetCellKind.Integer => cell.NumberValue.ToString("#,##0", CultureInfo.InvariantCulture),
        SheetCellKind.Decimal => cell.NumberValue.ToString("N" + Number(cell.Decimals), CultureInfo.InvariantCulture),
        SheetCellKind.Percent => (cell.NumberValue * 100).ToString("F" + Number(cell.Decimals), CultureInfo.InvariantCulture) + "%",
        _ => "",
    };

    /// <summary>Where each part of a table lands on its sheet (1-based rows): titles, a blank row, headers, body, a blank row, footnotes.</summary>
    private readonly struct SheetLayout
    {
        public SheetLayout(SheetTable table)
        {
            TitleStart = 1;
            HeaderStart = table.Titles.Count > 0 ? table.Titles.Count + 2 : 1;
            BodyStart = HeaderStart + table.HeaderRows.Count;
            var bodyEnd = BodyStart + table.Rows.Count - 1;
            FootnoteStart = table.Footnotes.Count > 0 ? bodyEnd + 2 : bodyEnd + 1;
            LastRow = table.Footnotes.Count > 0 ? FootnoteStart + table.Footnotes.Count - 1 : bodyEnd;
        }

        public int TitleStart { get; }

        public int HeaderStart { get; }

        public int BodyStart { get; }

        public int FootnoteStart { get; }

        public int LastRow { get; }
    }

    /// <summary>The shared string table: each distinct string once, in order of first use.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];
        private int _references;

        public int Count => _strings.Count;

        public int Index(string text)
        {
            _references++;
            if (!_indexes.TryGetValue(text, out var index))
            {
                index = _strings.Count;
                _indexes.Add(text, index);
                _strings.Add(text);
            }

            return index;
        }

        public void Write(XmlWriter w)
        {
            w.WriteStartElement("sst", XlsxNamespaces.Main);
            w.WriteAttributeString("count", Number(_references));
            w.WriteAttributeString("uniqueCount", Number(_strings.Count));
            foreach (var text in _strings)
            {
                w.WriteStartElement("si");
                w.WriteStartElement("t");
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal)))
                {
                    w.WriteAttributeString("xml", "space", null, "preserve");
                }

                w.WriteString(text);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }
    }
}
