using Nokor.Platform.Charts;
using Nokor.Platform.Pdf;

namespace Nokor.Platform.Tests.Charts;

public sealed class ApproximateTextMeasurerTests
{
    public static TheoryData<string> Samples => new(
        "Births registered by year of registration and sex",
        "Banteay Meanchey",
        "150,000",
        "87.3%",
        "ភ្នំពេញ",
        "បន្ទាយមានជ័យ",
        "ព្រះសីហនុ",
        "ឧត្តរមានជ័យ",
        "ភាពពេញលេញនៃការចុះបញ្ជីកំណើត តាមខេត្ត ២០២៤",
        "ប្រុស Boys");

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_svg_estimate_is_close_to_the_shaped_width_and_errs_wide(string text)
    {
        using var renderer = new TextRenderer();
        var shaped = new PdfChartTextMeasurer(renderer).Width(text, 10, false);

        var estimate = ApproximateTextMeasurer.Instance.Width(text, 10, false);

        Assert.InRange(estimate / shaped, 1.0, 1.3);
    }
}
