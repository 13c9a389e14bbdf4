using Nokor.Legislation.Akn;

namespace Nokor.Legislation.Tests.Akn;

public sealed class AknHtmlTests
{
    [Fact]
    public void Renders_a_table_of_contents_linking_every_unit()
    {
        var text = AknSamples.ImportKhmer();
        var html = AknHtml.Render(text);

        Assert.StartsWith("<article class=\"akn-document akn-act\" lang=\"km\">", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"akn-toc\"", html, StringComparison.Ordinal);
        foreach (var unit in AknSamples.Flatten(text.Body))
        {
            Assert.Contains($"id=\"{unit.EId}\"", html, StringComparison.Ordinal);
            if (unit.Kind != TextUnitKind.Paragraph)
            {
                Assert.Contains($"<a href=\"#{unit.EId}\">", html, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain($"href=\"#{unit.EId}\"", html, StringComparison.Ordinal);
            }
        }

        Assert.Contains(text.Title, html, StringComparison.Ordinal);
        Assert.Contains("class=\"akn-preamble\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Encodes_everything_and_emits_no_script()
    {
        var text = AknSamples.Import(
            "Law <script>alert('x')</script>\nArticle 1: <b>bold</b> & \"quoted\"\n<script src=\"https://evil.example/x.js\"></script>\n<img src=x onerror=alert(1)>",
            AknSamples.KhmerWork,
            "eng");
        var html = AknHtml.Render(text);

        Assert.Equal("en", html.Split("lang=\"")[1].Split('"')[0]);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("Law &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.All(
            System.Text.RegularExpressions.Regex.Matches(html, "class=\"([^\"]+)\"").Select(m => m.Groups[1].Value),
            css => Assert.All(css.Split(' '), c => Assert.StartsWith("akn-", c, StringComparison.Ordinal)));
    }
}
