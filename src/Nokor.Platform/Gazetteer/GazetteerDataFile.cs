using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Nokor.Platform.Gazetteer;

/// <summary>
/// The shipped, derived gazetteer: gzip-compressed UTF-8 TSV with the columns
/// code, level, parent, name_km, name_latin, type_km, type_latin, ordered by code. It is embedded in
/// this assembly so a fresh clone loads the gazetteer without the NCDD workbook.
/// </summary>
internal static class GazetteerDataFile
{
    public const string ResourceName = "Nokor.Platform.Gazetteer.gazetteer.tsv.gz";
    public const string Header = "code\tlevel\tparent\tname_km\tname_latin\ttype_km\ttype_latin";

    public static void Write(Stream destination, IEnumerable<GazetteerUnit> units)
    {
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var u in units.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Join('\t',
                u.Code,
                ((int)u.Level).ToString(CultureInfo.InvariantCulture),
                u.ParentCode ?? "",
                Field(u.NameKm),
                Field(u.NameLatin),
                Field(u.TypeKm),
                Field(u.TypeLatin)));
        }
    }

    public static List<GazetteerUnit> Read(Stream source)
    {
        using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var header = reader.ReadLine();
        if (header != Header)
        {
            throw new InvalidDataException($"Gazetteer data file has header '{header}', expected '{Header}'.");
        }

        var units = new List<GazetteerUnit>(17_000);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var f = line.Split('\t');
            if (f.Length != 7 || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                || !Enum.IsDefined((AdminLevel)level))
            {
                throw new InvalidDataException($"Gazetteer data file line {lineNumber} is malformed.");
            }

            units.Add(new GazetteerUnit
            {
                Code = f[0],
                Level = (AdminLevel)level,
                ParentCode = f[2].Length == 0 ? null : f[2],
                NameKm = f[3],
                NameLatin = f[4],
                TypeKm = f[5].Length == 0 ? null : f[5],
                TypeLatin = f[6].Length == 0 ? null : f[6],
            });
        }

        return units;
    }

    /// <summary>The gazetteer embedded in this assembly.</summary>
    public static List<GazetteerUnit> ReadEmbedded()
    {
        using var stream = typeof(GazetteerDataFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from Nokor.Platform.");
        return Read(stream);
    }

    public static void Write(string path, IEnumerable<GazetteerUnit> units)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        Write(file, units);
    }

    private static string Field(string? value) =>
        value is null ? "" : value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
