using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Nokor.Platform.Tests.Spreadsheets;

/// <summary>An .xlsx opened the way a reader would: every part parsed, the sheets found through the relationships.</summary>
internal sealed class XlsxPackage
{
    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public static readonly XNamespace OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    public static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    private XlsxPackage(Dictionary<string, XDocument> parts, Dictionary<string, DateTimeOffset> times)
    {
        Parts = parts;
        EntryTimes = times;
        SharedStrings = parts.TryGetValue("xl/sharedStrings.xml", out var sst)
            ? sst.Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList()
            : [];

        var workbookRels = Relationships("xl/workbook.xml");
        Sheets = parts["xl/workbook.xml"].Root!.Element(Main + "sheets")!.Elements(Main + "sheet")
            .Select(s => (Name: (string)s.Attribute("name")!, Part: workbookRels[(string)s.Attribute(OfficeRelationships + "id")!].Target))
            .ToList();
    }

    public Dictionary<string, XDocument> Parts { get; }

    public Dictionary<string, DateTimeOffset> EntryTimes { get; }

    public IReadOnlyList<string> SharedStrings { get; }

    public IReadOnlyList<(string Name, string Part)> Sheets { get; }

    public static XlsxPackage Open(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var parts = new Dictionary<string, XDocument>(StringComparer.Ordinal);
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            parts.Add(entry.FullName, XDocument.Load(stream));
            times.Add(entry.FullName, entry.LastWriteTime);
        }

        return new XlsxPackage(parts, times);
    }

    /// <summary>The relationships of a part, by id, with targets resolved to part names.</summary>
    public Dictionary<string, (string Type, string Target)> Relationships(string source)
    {
        var slash = source.LastIndexOf('/');
        var folder = slash < 0 ? "" : source[..(slash + 1)];
        var relsName = folder + "_rels/" + source[(slash + 1)..] + ".rels";
        if (!Parts.TryGetValue(relsName, out var rels))
        {
            return [];
        }

        return rels.Root!.Elements(PackageRelationships + "Relationship").ToDictionary(
            r => (string)r.Attribute("Id")!,
            r => ((string)r.Attribute("Type")!, Resolve(folder, (string)r.Attribute("Target")!)));
    }

    /// <summary>A relationship target relative to its source's folder, as a part name.</summary>
    public static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    public XDocument Sheet(string name) => Parts[Sheets.Single(s => s.Name == name).Part];

    public XDocument Sheet(int index) => Parts[Sheets[index].Part];

    public static XElement? Cell(XDocument sheet, string reference) =>
        sheet.Descendants(Main + "c").SingleOrDefault(c => (string?)c.Attribute("r") == reference);

    /// <summary>The text of a string cell, through the shared strings or inline.</summary>
    public string? Text(XDocument sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        return (string?)cell?.Attribute("t") switch
        {
            "s" => SharedStrings[int.Parse(cell!.Element(Main + "v")!.Value, CultureInfo.InvariantCulture)],
            "inlineStr" => string.Concat(cell!.Descendants(Main + "t").Select(t => t.Value)),
            "str" => cell!.Element(Main + "v")?.Value,
            _ => null,
        };
    }

    /// <summary>The value of a numeric cell (no type or t="n", with a &lt;v&gt;), else null.</summary>
    public static decimal? Number(XDocument sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        if (cell is null || (string?)cell.Attribute("t") is not (null or "n") || cell.Element(Main + "v") is not { } v)
        {
            return null;
        }

        return decimal.Parse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The cell format (an xf of cellXfs) a cell uses.</summary>
    public XElement CellFormat(XDocument sheet, string reference)
    {
        var style = (int?)Cell(sheet, reference)!.Attribute("s") ?? 0;
        return Parts["xl/styles.xml"].Root!.Element(Main + "cellXfs")!.Elements(Main + "xf").ElementAt(style);
    }

    /// <summary>The number format code of a cell format: declared in numFmts, or one of the built-in ones the writer uses.</summary>
    public string FormatCode(XElement xf)
    {
        var id = (int)xf.Attribute("numFmtId")!;
        var declared = Parts["xl/styles.xml"].Root!.Element(Main + "numFmts")?.Elements(Main + "numFmt")
            .SingleOrDefault(f => (int)f.Attribute("numFmtId")! == id);
        if (declared is not null)
        {
            return (string)declared.Attribute("formatCode")!;
        }

        return id switch
        {
            0 => "General",
            1 => "0",
            2 => "0.00",
            3 => "#,##0",
            4 => "#,##0.00",
            9 => "0%",
            10 => "0.00%",
            _ => throw new InvalidOperationException($"numFmtId {id} is neither declared nor a built-in format"),
        };
    }

    public bool IsBold(XElement xf)
    {
        var font = Parts["xl/styles.xml"].Root!.Element(Main + "fonts")!.Elements(Main + "font").ElementAt((int)xf.Attribute("fontId")!);
        return font.Element(Main + "b") is not null;
    }
}
