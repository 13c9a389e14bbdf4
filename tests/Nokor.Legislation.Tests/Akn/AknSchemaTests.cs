using Nokor.Legislation.Akn;

namespace Nokor.Legislation.Tests.Akn;

public sealed class AknSchemaTests
{
    private static string Valid() => AknWriter.Write(AknSamples.Import("Title\nArticle 1\nText.", AknSamples.KhmerWork, "eng"));

    [Fact]
    public void Accepts_a_written_document() => Assert.Empty(AknSchema.Validate(Valid()));

    [Fact]
    public void Rejects_the_wrong_namespace_at_the_root()
    {
        var xml = Valid().Replace(AknSchema.Namespace, "http://example.org/not-akn", StringComparison.Ordinal);
        var error = Assert.Single(AknSchema.Validate(xml));
        Assert.Equal(2, error.Line);
        Assert.Contains("akomaNtoso", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_document_without_meta()
    {
        var lines = Valid().Split('\n').ToList();
        var start = lines.FindIndex(l => l.Trim() == "<meta>");
        var end = lines.FindIndex(l => l.Trim() == "</meta>");
        lines.RemoveRange(start, end - start + 1);
        var errors = AknSchema.Validate(string.Join('\n', lines));
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Line == start + 1 && e.Message.Contains("preface", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_an_unknown_element_with_its_line()
    {
        var lines = Valid().Split('\n').ToList();
        var body = lines.FindIndex(l => l.Trim() == "<body>");
        lines.Insert(body + 1, "<banana>yellow</banana>");
        var errors = AknSchema.Validate(string.Join('\n', lines));
        Assert.Contains(errors, e => e.Line == body + 2 && e.Message.Contains("banana", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_malformed_xml_with_its_line()
    {
        var xml = "<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"" + AknSchema.Namespace + "\">\n<act>\n</akomaNtoso>";
        var error = Assert.Single(AknSchema.Validate(xml));
        Assert.Equal(4, error.Line);
        Assert.Contains("not well-formed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_dtd_and_external_entities()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<akomaNtoso xmlns=\"" + AknSchema.Namespace + "\">&x;</akomaNtoso>";
        var error = Assert.Single(AknSchema.Validate(xml));
        Assert.Equal(2, error.Line);
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_duplicate_eids()
    {
        var xml = Valid().Replace("<body>", "<body>\n<article eId=\"art_1\"><content><p>x</p></content></article>", StringComparison.Ordinal);
        var errors = AknSchema.Validate(xml);
        var error = Assert.Single(errors);
        Assert.Contains("art_1", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0, "the error names its line");
        Assert.Empty(AknSchema.Validate(Valid()));
    }

    [Fact]
    public async Task Validates_concurrently()
    {
        var xml = Valid();
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => AknSchema.Validate(xml).Count)));
        Assert.All(results, count => Assert.Equal(0, count));
    }
}
