using System.Globalization;
using System.Xml.Linq;
using Nokor.Platform.Charts;

namespace Nokor.Platform.Tests.Charts;

public sealed class SvgChartRendererTests
{
    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    private static Chart Sample(ChartKind kind = ChartKind.Bars) =>
        new("ចំនួនកំណើត <ឆ្នាំ> & \"ខេត្ត\"", kind, ["ភ្នំពេញ", "សៀមរាប", "កំពង់ចាម"],
        [
            new ChartSeries("ប្រុស", [1520, 830, null]),
            new ChartSeries("ស្រី", [1490, 812.4, 640]),
        ])
        {
            Subtitle = "Births registered, 2024",
            Target = new ChartTarget(1000, "Target & goal"),
            ValueAxisTitle = "Births",
        };

    [Fact]
    public void The_svg_is_well_formed_and_accessible()
    {
        var svg = SvgChartRenderer.Render(Sample(), 640, 400);

        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(s_svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("0 0 640 400", (string?)root.Attribute("viewBox"));
        Assert.Contains("Noto Sans Khmer", (string?)root.Attribute("font-family"), StringComparison.Ordinal);
        Assert.Contains("Khmer OS", (string?)root.Attribute("font-family"), StringComparison.Ordinal);
        var elements = root.Elements().ToList();
        Assert.Equal(s_svg + "title", elements[0].Name);
        Assert.Equal("ចំនួនកំណើត <ឆ្នាំ> & \"ខេត្ត\"", elements[0].Value);
        Assert.Equal(s_svg + "desc", elements[1].Name);
        Assert.Contains("ភ្នំពេញ 1,520", elements[1].Value, StringComparison.Ordinal);
        Assert.Contains("កំពង់ចាម missing", elements[1].Value, StringComparison.Ordinal);
        Assert.Contains("ចំនួនកំណើត &lt;ឆ្នាំ&gt; &amp; &quot;ខេត្ត&quot;", svg, StringComparison.Ordinal);
        Assert.Contains(root.Descendants(s_svg + "text"), t => t.Value == "Target & goal");
    }

    [Fact]
    public void Every_bar_has_a_tooltip_with_series_category_and_value()
    {
        var root = XDocument.Parse(SvgChartRenderer.Render(Sample(), 640, 400)).Root!;

        var bars = root.Elements(s_svg + "rect").Where(r => r.Element(s_svg + "title") is not null).ToList();
        Assert.Equal(5, bars.Count);
        Assert.Contains(bars, b => b.Element(s_svg + "title")!.Value == "ស្រី – សៀមរាប: 812");
        Assert.Contains(bars, b => b.Element(s_svg + "title")!.Value == "ប្រុស – ភ្នំពេញ: 1,520");
        Assert.Equal(5, bars.Select(b => (string?)b.Attribute("x")).Distinct().Count());
    }

    [Fact]
    public void Line_points_have_tooltips_too()
    {
        var root = XDocument.Parse(SvgChartRenderer.Render(Sample(ChartKind.Line), 640, 400)).Root!;

        Assert.Equal(5, root.Elements(s_svg + "circle").Count(c => c.Element(s_svg + "title") is not null));
        Assert.Equal(2, root.Elements(s_svg + "polyline").Count());
    }

    [Fact]
    public void The_same_chart_gives_the_same_svg_in_any_culture()
    {
        var first = SvgChartRenderer.Render(Sample(), 640, 400);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            var second = SvgChartRenderer.Render(Sample(), 640, 400);
            Assert.Equal(first, second);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.DoesNotContain(" id=", first, StringComparison.Ordinal);
        var numbers = XDocument.Parse(first).Root!.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName is "x" or "y" or "width" or "height");
        Assert.All(numbers, a => double.Parse(a.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_and_the_rest_escaped()
    {
        var chart = new Chart("a\u0001b <c> 'd'", ChartKind.HorizontalBars, ["x & y"], [new ChartSeries("s", [1])]);

        var root = XDocument.Parse(SvgChartRenderer.Render(chart, 300, 200)).Root!;

        Assert.Equal("ab <c> 'd'", root.Element(s_svg + "title")!.Value);
        Assert.Contains(root.Elements(s_svg + "text"), t => t.Value == "x & y");
    }

    [Fact]
    public void Series_colours_are_distinct()
    {
        var colours = Enumerable.Range(0, 7).Select(i => ChartPalette.Series(i).ToHex()).ToList();

        Assert.Equal(7, colours.Distinct().Count());
        Assert.Equal("#0072b2", colours[0]);
    }
}
