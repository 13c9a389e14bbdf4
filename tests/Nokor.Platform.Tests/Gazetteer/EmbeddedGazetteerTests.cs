using Nokor.Platform.Gazetteer;

namespace Nokor.Platform.Tests.Gazetteer;

public sealed class EmbeddedGazetteerTests
{
    private static string Line(GazetteerUnit u) =>
        string.Join('\t', u.Code, u.Level, u.ParentCode, u.NameKm, u.NameLatin, u.TypeKm, u.TypeLatin);

    [Fact]
    public void Shipped_data_equals_what_the_reader_makes_of_the_workbook()
    {
        var embedded = GazetteerDataFile.ReadEmbedded().Select(Line).ToList();
        var fromWorkbook = GazetteerWorkbook.Read().Units.Select(Line).ToList();

        // Regenerate with `nokor gazetteer export-data` (see Gazetteer/Data/README.md) when this fails.
        Assert.Equal(fromWorkbook.Count, embedded.Count);
        var firstDifference = embedded.Zip(fromWorkbook).FirstOrDefault(p => p.First != p.Second);
        Assert.Equal(firstDifference.Second, firstDifference.First);
    }

    [Fact]
    public void Data_file_round_trips()
    {
        var units = GazetteerWorkbook.Read().Units;
        using var buffer = new MemoryStream();
        GazetteerDataFile.Write(buffer, units);
        buffer.Position = 0;

        var read = GazetteerDataFile.Read(buffer);

        Assert.Equal(units.Select(Line), read.Select(Line));
    }

    [Fact]
    public void Ships_with_its_ODbL_notice()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Nokor.slnx")))
        {
            dir = dir.Parent;
        }

        var notice = File.ReadAllText(Path.Combine(dir.FullName, "src", "Nokor.Platform", "Gazetteer", "Data", "NOTICE.md"));

        Assert.Contains("Gazetteer data: NCDD / Open Development Cambodia, ODbL", notice, StringComparison.Ordinal);
        Assert.Contains("https://opendatacommons.org/licenses/odbl/1-0/", notice, StringComparison.Ordinal);
        Assert.Contains("derived database", notice, StringComparison.Ordinal);
    }
}
