using System.Globalization;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Charts;
using Nokor.Platform.Dates;
using Nokor.Platform.Khmer;
using Nokor.Platform.Pdf;
using SkiaSharp;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// The annual vital statistics report (NSPI 6.2.2: "a vital statistics report ... in the public
/// domain"): a bilingual A4 PDF of the published (protected) national tables by year of
/// occurrence, with charts, the completeness of each province against the NSPI targets, and the
/// notes on method. Khmer is shaped by HarfBuzz as in the certificates.
/// </summary>
internal static class AnnualReport
{
    private static readonly TextStyle Title = new(18, Bold: true);
    private static readonly TextStyle Heading = new(11, Bold: true);
    private static readonly TextStyle HeadingEn = new(9) { Color = new SKColor(0x44, 0x44, 0x44) };
    private static readonly TextStyle Body = new(7.5f);
    private static readonly TextStyle BodyBold = new(7.5f, Bold: true);
    private static readonly TextStyle Small = new(6.5f) { Color = new SKColor(0x55, 0x55, 0x55) };
    private static readonly float Margin = PageCanvas.Mm(15);

    public static byte[] Render(PublishedYear published)
    {
        var national = published.Set("", TabulationBasis.Occurrence)
                       ?? throw new InvalidOperationException("The publication holds no national tables.");
        var year = published.Year.ToString(CultureInfo.InvariantCulture);
        var pdf = new PdfDocumentBuilder(new PdfDocumentInfo($"Vital statistics of Cambodia {year}")
        {
            Subject = $"ស្ថិតិអត្ថិភាព {KhmerNumerals.ToKhmer(published.Year)} / Vital statistics {year}",
            Creator = "Nokor", Created = published.PublishedAt,
        });
        pdf.AddPage(page => Cover(page, published, national));
        // Khmer charts, captioned with their English titles (the same definitions, so the same order).
        var charts = Drawn(StatCharts.For(national, khmer: true));
        var english = Drawn(StatCharts.For(national, khmer: false));
        for (var i = 0; i < charts.Count; i += 2)
        {
            var first = i;
            pdf.AddPage(page =>
            {
                var half = (page.Height - (2 * Margin) - PageCanvas.Mm(10)) / 2;
                for (var k = first; k < Math.Min(first + 2, charts.Count); k++)
                {
                    var top = Margin + ((k - first) * (half + PageCanvas.Mm(5)));
                    PdfChartRenderer.Draw(page, charts[k], new SKRect(Margin, top, page.Width - Margin, top + half - 14));
                    page.DrawText($"Figure {k + 1}: {english[k].Title}", Margin, top + half - 2, Small);
                }

                Footer(page, published);
            });
        }

        foreach (var chunk in Pages(national.Tables.ToList()))
        {
            pdf.AddPage(page =>
            {
                var y = Margin;
                foreach (var table in chunk)
                {
                    y = DrawTable(page, table, y) + PageCanvas.Mm(6);
                }

                Footer(page, published);
            });
        }

        pdf.AddPage(page => Method(page, published, national));
        return pdf.ToPdf();
    }

    private static List<Chart> Drawn(IReadOnlyList<StatChartDefinition> charts) =>
        charts.Where(c => c.Chart is not null).Select(c => c.Chart!).ToList();

    /// <summary>Tables grouped so that each page holds what fits (a long table gets a page of its own).</summary>
    private static IEnumerable<List<StatTable>> Pages(List<StatTable> tables)
    {
        var limit = PdfDocumentBuilder.A4.Height - (2 * Margin) - PageCanvas.Mm(12);
        var page = new List<StatTable>();
        var used = 0f;
        foreach (var t in tables)
        {
            var height = HeightOf(t) + PageCanvas.Mm(6);
            if (page.Count > 0 && used + height > limit)
            {
                yield return page;
                page = [];
                used = 0;
            }

            page.Add(t);
            used += height;
        }

        if (page.Count > 0)
        {
            yield return page;
        }
    }

    private const float RowHeight = 21f;

    private static float HeightOf(StatTable t) => 34 + (RowHeight * (t.Rows.Count + 1)) + (20 * t.Notes.Count);

    private static void Cover(PageCanvas page, PublishedYear published, StatisticsSet national)
    {
        var y = PageCanvas.Mm(60);
        page.DrawText("ព្រះរាជាណាចក្រកម្ពុជា", page.Width / 2, y, Heading, TextAlign.Center);
        page.DrawText("Kingdom of Cambodia", page.Width / 2, y + 14, HeadingEn, TextAlign.Center);
        y += PageCanvas.Mm(30);
        page.DrawText($"ស្ថិតិអត្ថិភាព ឆ្នាំ {KhmerNumerals.ToKhmer(published.Year)}", page.Width / 2, y, Title, TextAlign.Center);
        page.DrawText($"Vital statistics {published.Year.ToString(CultureInfo.InvariantCulture)}", page.Width / 2, y + 24, new TextStyle(14), TextAlign.Center);
        y += PageCanvas.Mm(18);
        page.DrawParagraph("ផលិតពីការចុះបញ្ជីកំណើត និងមរណភាពនៃប្រព័ន្ធចុះបញ្ជីអត្រានុកូលដ្ឋាន (ផែនការយុទ្ធសាស្ត្រជាតិស្តីពីអត្តសញ្ញាណកម្ម ៥.២.៧ និង ៦.២.២)",
            Margin * 2, y, page.Width - (4 * Margin), Body, align: TextAlign.Center);
        page.DrawParagraph("Produced from the birth and death registrations of the civil registration system (National Strategic Plan of Identification 5.2.7 and 6.2.2)",
            Margin * 2, y + 26, page.Width - (4 * Margin), Body, align: TextAlign.Center);
        y += PageCanvas.Mm(30);
        var births = national.Table("births-month")?.Cell("Total", "Total");
        var deaths = national.Table("deaths-month")?.Cell("Total", "Total");
        var coverage = national.Table("coverage");
        Figure(page, y, "កំណើតរស់ដែលបានចុះបញ្ជី", "Live births registered", Number(births));
        Figure(page, y + 34, "មរណភាពដែលបានចុះបញ្ជី", "Deaths registered", Number(deaths));
        Figure(page, y + 68, "ភាពពេញលេញនៃការចុះបញ្ជីកំណើត", "Completeness of birth registration", Percent(coverage?.Cell("births", "Total")));
        Figure(page, y + 102, "ភាពពេញលេញនៃការចុះបញ្ជីមរណភាព", "Completeness of death registration", Percent(coverage?.Cell("deaths", "Total")));
        page.DrawText($"បោះពុម្ពផ្សាយ {published.PublishedAt.ToOffset(CambodiaTime.Offset):yyyy-MM-dd} · Published {published.PublishedAt.ToOffset(CambodiaTime.Offset):yyyy-MM-dd}",
            page.Width / 2, page.Height - PageCanvas.Mm(25), Small, TextAlign.Center);
    }

    private static void Figure(PageCanvas page, float y, string km, string en, string value)
    {
        page.DrawText(km, Margin * 2, y, Heading);
        page.DrawText(en, Margin * 2, y + 13, HeadingEn);
        page.DrawText(value, page.Width - (Margin * 2), y + 6, new TextStyle(16, Bold: true), TextAlign.Right);
        page.DrawLine(Margin * 2, y + 20, page.Width - (Margin * 2), y + 20, 0.5f, new SKColor(0xCC, 0xCC, 0xCC));
    }

    private static float DrawTable(PageCanvas page, StatTable table, float top)
    {
        var x = Margin;
        var width = page.Width - (2 * Margin);
        var y = top + 11;
        page.DrawText(table.Title.Km, x, y, Heading);
        page.DrawText(table.Title.En, x, y + 12, HeadingEn);
        y += 24;
        var labelWidth = width * 0.42f;
        var columnWidth = (width - labelWidth) / Math.Max(1, table.Columns.Count);
        page.FillRect(new SKRect(x, y - 1, x + width, y + RowHeight - 1), new SKColor(0xE8, 0xEE, 0xF4));
        page.DrawText(table.RowHeading.Km, x + 2, y + 9, BodyBold);
        page.DrawText(table.RowHeading.En, x + 2, y + 18, Small);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var right = x + labelWidth + (columnWidth * (c + 1)) - 3;
            page.DrawText(Fit(page, table.Columns[c].Km, columnWidth - 4, BodyBold), right, y + 9, BodyBold, TextAlign.Right);
            page.DrawText(Fit(page, table.Columns[c].En, columnWidth - 4, Small), right, y + 18, Small, TextAlign.Right);
        }

        y += RowHeight;
        foreach (var row in table.Rows)
        {
            var total = row.Label.Key == "Total";
            page.DrawText(Fit(page, row.Label.Km, labelWidth - 4, total ? BodyBold : Body), x + 2, y + 9, total ? BodyBold : Body);
            page.DrawText(Fit(page, row.Label.En, labelWidth - 4, Small), x + 2, y + 18, Small);
            for (var c = 0; c < row.Values.Count; c++)
            {
                var text = Format(table, row, c);
                page.DrawText(text, x + labelWidth + (columnWidth * (c + 1)) - 3, y + 13, total ? BodyBold : Body, TextAlign.Right);
            }

            page.DrawLine(x, y + RowHeight - 1, x + width, y + RowHeight - 1, 0.3f, new SKColor(0xDD, 0xDD, 0xDD));
            y += RowHeight;
        }

        foreach (var note in table.Notes)
        {
            y += 10;
            page.DrawText(Fit(page, note.Km, width, Small), x, y, Small);
            y += 9;
            page.DrawText(Fit(page, note.En, width, Small), x, y, Small);
        }

        return y;
    }

    private static string Format(StatTable table, StatRow row, int column)
    {
        var value = row.Values[column];
        if (value is null)
        {
            return "–";
        }

        return table.KindOf(row, column) switch
        {
            StatValueKind.Count => Number(value),
            StatValueKind.Percent => value.Value.ToString("0.0", CultureInfo.InvariantCulture),
            _ => value.Value.ToString(row.Label.Key == "tfr" ? "0.00" : "0.0", CultureInfo.InvariantCulture),
        };
    }

    private static string Number(double? value) => value is null ? "–" : value.Value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Percent(double? value) => value is null ? "–" : value.Value.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Fit(PageCanvas page, string text, float width, TextStyle style)
    {
        if (page.MeasureText(text, style) <= width)
        {
            return text;
        }

        // Cut between whole clusters (a Khmer syllable, a letter with its accents), never inside
        // one; Latin text and spaces are clusters too, so an English heading keeps its beginning.
        var clusters = Nokor.Platform.Khmer.KhmerClusters.Bounds(text);
        for (var n = clusters.Count - 1; n > 0; n--)
        {
            var cut = text[..clusters[n].Start].TrimEnd() + "…";
            if (page.MeasureText(cut, style) <= width)
            {
                return cut;
            }
        }

        return "…";
    }

    private static void Footer(PageCanvas page, PublishedYear published) =>
        page.DrawText($"ស្ថិតិអត្ថិភាព {KhmerNumerals.ToKhmer(published.Year)} · Vital statistics {published.Year.ToString(CultureInfo.InvariantCulture)} · Nokor",
            page.Width / 2, page.Height - PageCanvas.Mm(8), Small, TextAlign.Center);

    private static void Method(PageCanvas page, PublishedYear published, StatisticsSet national)
    {
        var y = Margin + 12;
        page.DrawText("វិធីសាស្ត្រ", Margin, y, Heading);
        page.DrawText("Method", Margin, y + 12, HeadingEn);
        y += 30;
        string[] notes =
        [
            "តារាងតាមផែនការតារាងអប្បបរមានៃគោលការណ៍ និងអនុសាសន៍របស់អង្គការសហប្រជាជាតិសម្រាប់ប្រព័ន្ធស្ថិតិអត្ថិភាព (Rev. 3)។",
            "Tables follow the minimum tabulation programme of the UN Principles and Recommendations for a Vital Statistics System (Rev. 3).",
            "ព្រឹត្តិការណ៍រាប់តាមទីលំនៅធម្មតា ក្នុងឆ្នាំដែលបានកើតឡើង និងបានចុះបញ្ជីមុនការបោះពុម្ពផ្សាយ។",
            "Events are counted by place of usual residence, in the year they occurred, when registered before publication.",
            "ចំនួន ១-៤ មិនបង្ហាញ ហើយចំនួនផ្សេងទៀតបង្គត់ទៅ ៥ ជិតបំផុត ដើម្បីការពារឯកជនភាព។",
            "Counts of 1-4 are not shown and other counts are rounded to the nearest 5 to protect privacy.",
            "ភាពពេញលេញ = ព្រឹត្តិការណ៍ដែលបានចុះបញ្ជី ÷ (អត្រាដុលរំពឹងទុក × ប្រជាជន)។",
            "Completeness = registered events ÷ (expected crude rate × population).",
            "មូលហេតុនៃការស្លាប់៖ បន្ទាត់ចុងក្រោយនៃផ្នែកទី ១ នៃវិញ្ញាបនបត្រវេជ្ជសាស្ត្រ ដែលមានលេខកូដ ICD-10។",
            "Cause of death: the last coded line of part 1 of the medical certificate (ICD-10).",
        ];
        foreach (var note in notes)
        {
            y += page.DrawParagraph(note, Margin, y, page.Width - (2 * Margin), Body) + 4;
        }

        y += 10;
        DrawTable(page, national.Table("escap")!, y);
        Footer(page, published);
    }
}
