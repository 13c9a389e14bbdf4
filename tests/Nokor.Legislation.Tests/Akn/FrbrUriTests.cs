using Nokor.Legislation.Akn;

namespace Nokor.Legislation.Tests.Akn;

public sealed class FrbrUriTests
{
    private static readonly AknWork _act = new(AknDocType.Act, new DateOnly(2024, 5, 1), "12");
    private static readonly AknWork _constitution = new(AknDocType.Act, new DateOnly(1993, 9, 24), "1", "constitution");

    [Fact]
    public void Builds_work_expression_and_manifestation_iris()
    {
        Assert.Equal("/akn/kh/act/2024-05-01/12", FrbrUri.Work(_act));
        Assert.Equal("/akn/kh/act/constitution/1993-09-24/1", FrbrUri.Work(_constitution));
        Assert.Equal("/akn/kh/act/2024-05-01/12/khm@", FrbrUri.Expression(_act, "khm", null));
        Assert.Equal("/akn/kh/act/2024-05-01/12/eng@2025-03-01", FrbrUri.Expression(_act, "eng", new DateOnly(2025, 3, 1)));
        Assert.Equal("/akn/kh/act/2024-05-01/12/khm@2025-03-01.akn", FrbrUri.Manifestation(_act, "khm", new DateOnly(2025, 3, 1)));
        Assert.Equal("/akn/kh/act/2024-05-01/12/khm@/!main.xml", FrbrUri.ManifestationThis(_act, "khm", null));
        Assert.Equal("/akn/kh/bill/2025-02-14/7-a", FrbrUri.Work(new AknWork(AknDocType.Bill, new DateOnly(2025, 2, 14), "7-a")));
    }

    [Theory]
    [InlineData("/akn/kh/act/2024-05-01/12", nameof(FrbrLevel.Work), null, null, null)]
    [InlineData("/akn/kh/act/2024-05-01/12/khm@", nameof(FrbrLevel.Expression), "khm", null, null)]
    [InlineData("/akn/kh/act/2024-05-01/12/eng@2025-03-01", nameof(FrbrLevel.Expression), "eng", "2025-03-01", null)]
    [InlineData("/akn/kh/act/2024-05-01/12/khm@2025-03-01.akn", nameof(FrbrLevel.Manifestation), "khm", "2025-03-01", "akn")]
    [InlineData("/akn/kh/act/2024-05-01/12/khm@/!main", nameof(FrbrLevel.Expression), "khm", null, null)]
    [InlineData("/akn/kh/act/2024-05-01/12/khm@/!main.xml", nameof(FrbrLevel.Manifestation), "khm", null, "xml")]
    public void Parses_each_level(string uri, string level, string? language, string? version, string? format)
    {
        var parsed = FrbrUri.Parse(uri);
        Assert.Equal(Enum.Parse<FrbrLevel>(level), parsed.Level);
        Assert.Equal(_act, parsed.Work);
        Assert.Equal(language, parsed.Language);
        Assert.Equal(version is null ? null : DateOnly.Parse(version, System.Globalization.CultureInfo.InvariantCulture), parsed.VersionDate);
        Assert.Equal(format, parsed.Format);
        Assert.Equal(uri, parsed.ToString());
    }

    [Fact]
    public void Parses_a_subtype()
    {
        var parsed = FrbrUri.Parse("/akn/kh/act/constitution/1993-09-24/1/khm@2008-03-06");
        Assert.Equal(_constitution, parsed.Work);
        Assert.Equal(new DateOnly(2008, 3, 6), parsed.VersionDate);
        Assert.Equal(AknDocType.Bill, FrbrUri.Parse("/akn/kh/bill/2025-02-14/7").Work.Type);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("akn/kh/act/2024-05-01/12", "must start with \"/akn/\"")]
    [InlineData("/akn/fr/act/2024-05-01/12", "country must be \"kh\"")]
    [InlineData("/akn/kh/judgment/2024-05-01/12", "act\" or \"bill")]
    [InlineData("/akn/kh/act/2024-13-01/12", "valid date")]
    [InlineData("/akn/kh/act/Constitution/1993-09-24/1", "neither a date")]
    [InlineData("/akn/kh/act/2024-05-01", "work number")]
    [InlineData("/akn/kh/act/2024-05-01/No12", "work number")]
    [InlineData("/akn/kh/act/2024-05-01/12/khmer", "expression")]
    [InlineData("/akn/kh/act/2024-05-01/12/khm@2025-02-30", "not a valid date")]
    [InlineData("/akn/kh/act/2024-05-01/12/khm@/main", "component")]
    [InlineData("/akn/kh/act/2024-05-01/12/khm@/!main/extra", "component")]
    [InlineData("/akn/kh/act/2024-05-01/12/", "expression")]
    public void Rejects_malformed_iris_with_the_reason(string uri, string reason)
    {
        Assert.False(FrbrUri.TryParse(uri, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var exception = Assert.Throws<FormatException>(() => FrbrUri.Parse(uri));
        Assert.Equal(error, exception.Message);
    }

    [Fact]
    public void Refuses_to_build_from_a_bad_number()
    {
        Assert.Throws<ArgumentException>(() => FrbrUri.Work(_act with { Number = "12/3" }));
        Assert.Throws<ArgumentException>(() => FrbrUri.Work(_act with { Number = "" }));
        Assert.Throws<ArgumentException>(() => FrbrUri.Expression(_act, "KHM", null));
    }
}
