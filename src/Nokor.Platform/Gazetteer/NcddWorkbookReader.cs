using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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
/// Name (Khmer), Name (Latin), Reference, notes) with the Open XML SDK (DocumentFormat.OpenXml):
/// the package, the sheet list, the shared strings and the cells are the SDK's; the rows are
/// streamed with its <see cref="OpenXmlReader"/>, so a sheet is never held whole. Codes are
/// zero-padded to 2/4/6/8 digits by the level the type word gives, names are cleaned (NFC, white
/// space), and every row that cannot be understood is reported with its sheet and row number
/// instead of being dropped silently.
/// <para>
/// Limits against a hostile workbook, checked before or while anything is read: the zip's
/// directory is inspected first (<see cref="CheckPackage"/>: at most <see cref="MaxEntries"/>
/// entries, <see cref="MaxUncompressedBytes"/> in all and a compression ratio of at most
/// <see cref="MaxCompressionRatio"/> per large entry, so a zip bomb is refused unopened); the SDK
/// refuses any part over <see cref="MaxCharactersInPart"/> characters as it parses it
/// (<see cref="OpenSettings.MaxCharactersInPart"/>, which also holds when a zip header lies about
/// a size), DTDs are never processed (the SDK prohibits them), and a workbook of more than
/// <see cref="MaxSheets"/> sheets or a sheet of more than <see cref="MaxRowsPerSheet"/> rows is
/// refused. Each refusal is an <see cref="InvalidDataException"/> naming the limit.
/// </para>
/// </summary>
internal static class NcddWorkbookReader
{
    /// <summary>The most zip entries a workbook may have (the 2024 edition has about 40).</summary>
    public const int MaxEntries = 1_000;

    /// <summary>The most bytes the entries may unpack to, all together (the 2024 edition: about 12 MB).</summary>
    public const long MaxUncompressedBytes = 256L * 1024 * 1024;

    /// <summary>The highest ratio of unpacked to packed size of an entry over 1 MB (sheet XML packs about 10:1).</summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>The most characters the SDK reads from one part.</summary>
    public const long MaxCharactersInPart = 128L * 1024 * 1024;

    /// <summary>The most sheets (Cambodia has 25 provinces).</summary>
    public const int MaxSheets = 200;

    /// <summary>The most rows of one sheet (the largest province has a few thousand units).</summary>
    public const int MaxRowsPerSheet = 200_000;

    public static NcddWorkbook Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <exception cref="InvalidDataException">The stream is not an .xlsx workbook, or it breaks one of the limits.</exception>
    public static NcddWorkbook Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            CheckPackage(stream);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { AutoSave = false, MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("Not an Excel workbook: it has no workbook part.");
            var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            if (sheets.Count == 0)
            {
                throw new InvalidDataException("The workbook has no sheets.");
            }

            if (sheets.Count > MaxSheets)
            {
                throw new InvalidDataException($"The workbook has {sheets.Count:N0} sheets; at most {MaxSheets:N0} are read.");
            }

            var strings = ReadSharedStrings(workbook);
            var units = new Dictionary<string, GazetteerUnit>(StringComparer.Ordinal);
            var origins = new Dictionary<string, (string Sheet, int Row)>(StringComparer.Ordinal);
            var issues = new List<NcddReadIssue>();
            foreach (var sheet in sheets)
            {
                var name = sheet.Name?.Value ?? "";
                var part = sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var found) && found is WorksheetPart worksheet
                    ? worksheet
                    : throw new InvalidDataException($"The workbook lists sheet '{name}' but has no worksheet part for it.");
                ReadProvinceSheet(name, part, strings, units, origins, issues);
            }

            DropOrphans(units, origins, issues);
            var ordered = units.Values.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
            return new NcddWorkbook(ordered, issues);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or XmlException or InvalidOperationException or IOException and not FileNotFoundException)
        {
            throw new InvalidDataException($"Not a readable Excel workbook: {e.Message}", e);
        }
    }

    /// <summary>
    /// Refuses a zip bomb before the SDK opens the package: too many entries, too much unpacked
    /// data, or an entry that unpacks far more than XML does. The sizes come from the zip's
    /// directory; one that lies is caught by <see cref="MaxCharactersInPart"/> while parsing.
    /// </summary>
    private static void CheckPackage(Stream stream)
    {
        var start = stream.CanSeek ? stream.Position : throw new ArgumentException("The workbook stream must be seekable.", nameof(stream));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > MaxEntries)
            {
                throw new InvalidDataException($"The workbook has {zip.Entries.Count:N0} parts; at most {MaxEntries:N0} are accepted.");
            }

            var total = 0L;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUncompressedBytes)
                {
                    throw new InvalidDataException($"The workbook unpacks to more than {MaxUncompressedBytes:N0} bytes.");
                }

                if (entry.Length > 1024 * 1024 && entry.Length > (long)MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new InvalidDataException($"The part {entry.FullName} unpacks {entry.Length / Math.Max(1, entry.CompressedLength):N0} times its packed size; at most {MaxCompressionRatio} is accepted.");
                }
            }
        }

        stream.Position = start;
    }

    private static void ReadProvinceSheet(
        string sheet, WorksheetPart entry, IReadOnlyList<string> strings,
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
        foreach (var (rowNumber, cells) in ReadRows(sheet, entry, strings))
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

    /// <summary>The shared strings: each item's text runs, without phonetic hints (&lt;rPh&gt;).</summary>
    private static List<string> ReadSharedStrings(WorkbookPart workbook)
    {
        var table = workbook.SharedStringTablePart?.SharedStringTable;
        return table is null ? [] : table.Elements<SharedStringItem>().Select(TextOf).ToList();
    }

    /// <summary>The text of a shared or inline string: its &lt;t&gt; runs, without phonetic hints.</summary>
    private static string TextOf(OpenXmlElement item) =>
        string.Concat(item.Descendants<Text>().Where(t => !t.Ancestors<PhoneticRun>().Any()).Select(t => t.Text));

    /// <summary>Yields each row's cells by zero-based column index, streaming the sheet one row at a time.</summary>
    private static IEnumerable<(int Row, Dictionary<int, string> Cells)> ReadRows(string sheet, WorksheetPart part, IReadOnlyList<string> strings)
    {
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        var rows = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            if (++rows > MaxRowsPerSheet)
            {
                throw new InvalidDataException($"The sheet '{sheet}' has more than {MaxRowsPerSheet:N0} rows.");
            }

            var row = (Row)reader.LoadCurrentElement()!;
            rowNumber = row.RowIndex?.Value is { } r and <= int.MaxValue ? (int)r : rowNumber + 1;
            var cells = new Dictionary<int, string>();
            var column = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                column = ColumnIndex(cell.CellReference?.Value) ?? column + 1;
                if (ReadCell(cell, strings) is { } value)
                {
                    cells[column] = value;
                }
            }

            yield return (rowNumber, cells);
        }
    }

    private static string? ReadCell(Cell cell, IReadOnlyList<string> strings)
    {
        if (!cell.HasChildren)
        {
            return null;
        }

        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count
                ? strings[i]
                : throw new InvalidDataException($"Shared string index '{raw}' is out of range.");
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? TextOf(inline) : null;
        }

        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error)
        {
            return raw;
        }

        return raw is null ? null : FormatNumber(raw);
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
