using Nokor.Platform.Charts;

namespace Nokor.Platform.Tests.Charts;

/// <summary>Charts shaped like the vital statistics report's, for the rendering tests and the sample images.</summary>
internal static class ChartSamples
{
    public static readonly string[] Provinces =
    [
        "ភ្នំពេញ", "បន្ទាយមានជ័យ", "បាត់ដំបង", "កំពង់ចាម", "កំពង់ឆ្នាំង", "កំពង់ស្ពឺ", "កំពង់ធំ", "កំពត", "កណ្ដាល",
        "កោះកុង", "ក្រចេះ", "មណ្ឌលគិរី", "ព្រះវិហារ", "ព្រៃវែង", "ពោធិ៍សាត់", "រតនគិរី", "សៀមរាប", "ព្រះសីហនុ",
        "ស្ទឹងត្រែង", "ស្វាយរៀង", "តាកែវ", "ឧត្តរមានជ័យ", "កែប", "ប៉ៃលិន", "ត្បូងឃ្មុំ",
    ];

    public static Chart BirthsByYear() =>
        new("ចំនួនកំណើតដែលបានចុះបញ្ជី តាមឆ្នាំ", ChartKind.Bars, ["2020", "2021", "2022", "2023", "2024"],
        [
            new ChartSeries("ប្រុស Boys", [152_310, 148_902, 155_120, null, 161_045]),
            new ChartSeries("ស្រី Girls", [146_250, 143_877, 149_302, 151_930, 154_118]),
        ])
        {
            Subtitle = "Births registered by year of registration and sex",
            ValueAxisTitle = "Births",
            CategoryAxisTitle = "ឆ្នាំ Year",
        };

    public static Chart Completeness()
    {
        var values = new double?[Provinces.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i == 22 ? null : 72.0 + (i * 37 % 27) + (i % 3) * 0.4;
        }

        return new Chart("ភាពពេញលេញនៃការចុះបញ្ជីកំណើត តាមខេត្ត ២០២៤", ChartKind.HorizontalBars, Provinces, [new ChartSeries("2024", values)])
        {
            Subtitle = "Birth registration completeness by province, 2024",
            Format = ChartValueFormat.Percent,
            Target = new ChartTarget(90, "គោលដៅ 90% target"),
            ShowValues = true,
            ValueAxisTitle = "Completeness",
            MissingValuesNote = "– តួលេខមិនទាន់មាន / value not available",
        };
    }

    public static Chart RegistrationDelay() =>
        new("ការចុះបញ្ជីកំណើត តាមរយៈពេល", ChartKind.StackedBars, ["ភ្នំពេញ", "បាត់ដំបង", "សៀមរាប", "មណ្ឌលគិរី", "រតនគិរី", "Preah Sihanouk"],
        [
            new ChartSeries("ក្នុងរយៈពេល ៣០ ថ្ងៃ within 30 days", [24_100, 12_200, 14_900, 900, 1_400, 3_100]),
            new ChartSeries("យឺត late", [3_200, 2_900, 3_600, 600, null, 800]),
            new ChartSeries("យឺតយ៉ាវ delayed", [900, 1_300, 1_800, 400, 700, 200]),
        ])
        {
            ValueAxisTitle = "Births",
        };

    public static Chart CrudeBirthRate() =>
        new("អត្រាកំណើតដុល (ក្នុងប្រជាជន ១០០០ នាក់)", ChartKind.Line, ["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"],
        [
            new ChartSeries("ទីក្រុង Urban", [19.8, 19.5, 19.1, 18.7, null, 18.0, 17.6, 17.4, 17.1]),
            new ChartSeries("ជនបទ Rural", [23.9, 23.5, 23.2, 22.9, 22.5, 22.1, 21.8, 21.3, 21.0]),
        ])
        {
            Format = ChartValueFormat.Rate,
            ValueAxisTitle = "per 1,000",
        };
}
