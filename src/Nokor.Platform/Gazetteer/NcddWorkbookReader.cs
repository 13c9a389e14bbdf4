using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Nokor.Platform.Gazetteer;

/// <summary>A row of the workbook the reader skipped or kept with a defect, for the importer's report.</summary>
public sealed record NcddReadIssue(string Sheet, int Row, string Message)
{
    public override string ToString() => Row > 0 ? $"{Sheet}, row {Row}: {Message}" : $"{Sheet}: {Message}";
}

/// <summary>The units read from an NCDD workbook, ordered by code, and what could not be understood.</summary>
internal sealed record NcddWorkbook(IReadOnlyList<GazetteerUnit> Units, IReadOnlyList<NcddReadIssue> Issues);

/// <summary>
/// Reads the official NCDD gazetteer workbook (one sheet per province; columns Type, Code,
/// Name (Khmer), Name (Latin), Reference, notes) straight from its Office Open XML parts, without a
/// spreadsheet library. Codes are zero-padded to 2/4/6/8 digits by the level the type word gives,
/// names are cleaned (NFC, white space), and every row that cannot be understood is reported with
/// its sheet and row number instead of being dropped silently.
/// </summary>
internal static class NcddWorkbookReader
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XmlReaderSettings _xmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static NcddWorkbook Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <exception cref="InvalidDataException">The stream is not an .xlsx workbook.</exception>
    public static NcddWorkbook Read(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var sheets = ReadSheetList(zip);
        var strings = ReadSharedStrings(zip);

        var units = new Dictionary<string, GazetteerUnit>(StringComparer.Ordinal);
        var origins = new Dictionary<string, (string Sheet, int Row)>(StringComparer.Ordinal);
        var issues = new List<NcddReadIssue>();
        foreach (var (name, part) in sheets)
        {
            var entry = zip.GetEntry(part)
                ?? throw new InvalidDataException($"The workbook lists sheet '{name}' but has no part {part}.");
            ReadProvinceSheet(name, entry, strings, units, origins, issues);
        }

        DropOrphans(units, origins, issues);
        var ordered = units.Values.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        return new NcddWorkbook(ordered, issues);
    }

    private static void ReadProvinceSheet(
        string sheet, ZipArchiveEntry entry, IReadOnlyList<string> strings,
        Dictionary<string, GazetteerUnit> units, Dictionary<string, (string Sheet, int Row)> origins, List<NcddReadIssue> issues)
    {
        var dot = sheet.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !int.TryParse(sheet.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > 99)
        {
            issues.Add(new(sheet, 0, "sheet name does not start with a province number (\"12. Phnom Penh\"); sheet skipped"));
            return;
        }

        var provinceCode = number.ToString("00", CultureInfo.InvariantCulture);
        var sheetLatin = GazetteerText.Clean(sheet[(dot + 1)..]);
        var known = AdminTypes.FindProvince(provinceCode);
        if (known is null)
        {
            issues.Add(new(sheet, 0, $"province {provinceCode} is not a known NCDD province; its Khmer name is unknown, the Latin name stands in"));
        }
        else if (GazetteerText.Compact(known.NameLatin) != GazetteerText.Compact(sheetLatin))
        {
            issues.Add(new(sheet, 0, $"sheet names province {provinceCode} '{sheetLatin}', expected '{known.NameLatin}'"));
        }

        if (!units.ContainsKey(provinceCode))
        {
            var capital = known?.IsCapital == true;
            units[provinceCode] = new GazetteerUnit
            {
                Code = provinceCode,
                Level = AdminLevel.Province,
                ParentCode = null,
                NameKm = known?.NameKm ?? sheetLatin,
                NameLatin = known?.NameLatin ?? sheetLatin,
                TypeKm = capital ? "រាជធានី" : "ខេត្ត",
                TypeLatin = capital ? "Capital" : "Province",
            };
        }

        Columns? columns = null;
        foreach (var (rowNumber, cells) in ReadRows(entry, strings))
        {
            if (columns is null)
            {
                // Rows above the header (the sheet title, blank rows) carry no units.
                columns = Columns.FromHeader(cells);
                if (columns is null && cells.Values.Any(v => GazetteerText.Clean(v).Equals("Code", StringComparison.OrdinalIgnoreCase)))
                {
                    issues.Add(new(sheet, rowNumber, "header row lacks one of Type, Code, Name (Khmer), Name (Latin); sheet skipped"));
                    return;
                }

                continue;
            }

            var unit = ReadUnit(sheet, rowNumber, provinceCode, columns, cells, issues);
            if (unit is null)
            {
                continue;
            }

            if (units.TryAdd(unit.Code, unit))
            {
                origins[unit.Code] = (sheet, rowNumber);
            }
            else
            {
                var first = origins.GetValueOrDefault(unit.Code, (sheet, 0));
                issues.Add(new(sheet, rowNumber, $"code {unit.Code} appears twice (first in {first.Item1}, row {first.Item2}); this row skipped"));
            }
        }

        if (columns is null)
        {
            issues.Add(new(sheet, 0, "no header row (Type, Code, Name (Khmer), Name (Latin)) found; sheet skipped"));
        }
    }

    private sealed record Columns(int Type, int Code, int NameKm, int NameLatin)
    {
        public static Columns? FromHeader(Dictionary<int, string> cells)
        {
            int? Find(Func<string, bool> match) =>
                cells.Where(c => match(GazetteerText.Clean(c.Value))).Select(c => (int?)c.Key).FirstOrDefault();

            var code = Find(v => v.Equals("Code", StringComparison.OrdinalIgnoreCase));
            if (code is null)
            {
                return null;
            }

            var type = Find(v => v.Equals("Type", StringComparison.OrdinalIgnoreCase));
            var km = Find(v => v.StartsWith("Name", StringComparison.OrdinalIgnoreCase) && v.Contains("Khmer", StringComparison.OrdinalIgnoreCase));
            var latin = Find(v => v.StartsWith("Name", StringComparison.OrdinalIgnoreCase) && v.Contains("Latin", StringComparison.OrdinalIgnoreCase));
            return type is null || km is null || latin is null ? null : new Columns(type.Value, code.Value, km.Value, latin.Value);
        }
    }

    private static GazetteerUnit? ReadUnit(
        string sheet, int row, string provinceCode, Columns columns, Dictionary<int, string> cells, List<NcddReadIssue> issues)
    {
        if (cells.Values.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var type = GazetteerText.Clean(cells.GetValueOrDefault(columns.Type));
        var rawCode = GazetteerText.Clean(cells.GetValueOrDefault(columns.Code));
        var nameKm = GazetteerText.Clean(cells.GetValueOrDefault(columns.NameKm));
        var nameLatin = GazetteerText.Clean(cells.GetValueOrDefault(columns.NameLatin));

        string Describe() => $"[{string.Join(" | ", cells.OrderBy(c => c.Key).Select(c => GazetteerText.Clean(c.Value)))}]";

        var word = AdminTypes.FromKhmer(type);
        if (word is null || word.Level == AdminLevel.Province)
        {
            issues.Add(new(sheet, row, $"unknown type word '{type}'; row skipped {Describe()}"));
            return null;
        }

        var length = word.Level.CodeLength();
        if (rawCode.Length == 0 || !rawCode.All(char.IsAsciiDigit) || rawCode.Length > length || rawCode.Length < length - 1)
        {
            issues.Add(new(sheet, row, $"code '{rawCode}' is not a {length}-digit code for a {word.Latin}; row skipped {Describe()}"));
            return null;
        }

        var code = rawCode.PadLeft(length, '0');
        if (!code.StartsWith(provinceCode, StringComparison.Ordinal))
        {
            issues.Add(new(sheet, row, $"code {code} does not belong to province {provinceCode}; row skipped"));
            return null;
        }

        if (nameKm.Length == 0)
        {
            issues.Add(new(sheet, row, $"code {code} has no Khmer name; row skipped {Describe()}"));
            return null;
        }

        if (nameLatin.Length == 0)
        {
            issues.Add(new(sheet, row, $"code {code} ({nameKm}) has no Latin name; kept with an empty Latin name"));
        }

        return new GazetteerUnit
        {
            Code = code,
            Level = word.Level,
            ParentCode = code[..^2],
            NameKm = nameKm,
            NameLatin = nameLatin,
            TypeKm = word.Km,
            TypeLatin = word.Latin,
        };
    }

    private static void DropOrphans(
        Dictionary<string, GazetteerUnit> units, Dictionary<string, (string Sheet, int Row)> origins, List<NcddReadIssue> issues)
    {
        foreach (var level in new[] { AdminLevel.District, AdminLevel.Commune, AdminLevel.Village })
        {
            var orphans = units.Values
                .Where(u => u.Level == level && !units.ContainsKey(u.ParentCode!))
                .OrderBy(u => u.Code, StringComparer.Ordinal)
                .ToList();
            foreach (var orphan in orphans)
            {
                units.Remove(orphan.Code);
                var (sheet, row) = origins[orphan.Code];
                issues.Add(new(sheet, row, $"code {orphan.Code} has no parent {orphan.ParentCode} in the workbook; row skipped"));
            }
        }
    }

    private static List<(string Name, string Part)> ReadSheetList(ZipArchive zip)
    {
        var workbook = zip.GetEntry("xl/workbook.xml")
            ?? throw new InvalidDataException("Not an Excel workbook: xl/workbook.xml is missing.");

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (rels is not null)
        {
            using var relStream = rels.Open();
            using var reader = XmlReader.Create(relStream, _xmlSettings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == PackageRelNs)
                {
                    var id = reader.GetAttribute("Id");
                    var target = reader.GetAttribute("Target");
                    if (id is not null && target is not null)
                    {
                        targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                    }
                }
            }
        }

        var sheets = new List<(string, string)>();
        using var stream = workbook.Open();
        using var xml = XmlReader.Create(stream, _xmlSettings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == MainNs)
            {
                var name = xml.GetAttribute("name") ?? "";
                var relId = xml.GetAttribute("id", RelNs);
                var sheetId = xml.GetAttribute("sheetId");
                var part = relId is not null && targets.TryGetValue(relId, out var t) ? t : $"xl/worksheets/sheet{sheetId}.xml";
                sheets.Add((name, part));
            }
        }

        if (sheets.Count == 0)
        {
            throw new InvalidDataException("The workbook has no sheets.");
        }

        return sheets;
    }

    private static List<string> ReadSharedStrings(ZipArchive zip)
    {
        var result = new List<string>();
        var entry = zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return result;
        }

        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, _xmlSettings);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                result.Add(ReadText(reader));
            }
            else
            {
                reader.Read();
            }
        }

        return result;
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt; runs, without phonetic hints.</summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                text.Append(reader.ReadElementContentAsString());
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
        return text.ToString();
    }

    /// <summary>Yields each row's cells by zero-based column index.</summary>
    private static IEnumerable<(int Row, Dictionary<int, string> Cells)> ReadRows(ZipArchiveEntry entry, IReadOnlyList<string> strings)
    {
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, _xmlSettings);
        var rowNumber = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
            var cells = new Dictionary<int, string>();
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                var column = -1;
                reader.Read();
                while (!reader.EOF && reader.Depth > depth)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
                    {
                        column = ColumnIndex(reader.GetAttribute("r")) ?? column + 1;
                        var value = ReadCell(reader, strings);
                        if (value is not null)
                        {
                            cells[column] = value;
                        }
                    }
                    else
                    {
                        reader.Read();
                    }
                }
            }

            yield return (rowNumber, cells);
        }
    }

    private static string? ReadCell(XmlReader reader, IReadOnlyList<string> strings)
    {
        var type = reader.GetAttribute("t");
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        var depth = reader.Depth;
        string? raw = null;
        string? inline = null;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                raw = reader.ReadElementContentAsString();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
            {
                inline = ReadText(reader);
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
        return type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count
                ? strings[i]
                : throw new InvalidDataException($"Shared string index '{raw}' is out of range."),
            "inlineStr" => inline,
            "str" or "b" or "e" => raw,
            _ => raw is null ? null : FormatNumber(raw),
        };
    }

    /// <summary>Numeric cells hold codes such as "1201" or "1.201E3"; give back the integer text.</summary>
    private static string FormatNumber(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d)
            ? decimal.Truncate(d).ToString(CultureInfo.InvariantCulture)
            : raw;

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? null : index - 1;
    }
}
