using Nokor.Platform.Charts;

namespace Nokor.Platform.Tests.Charts;

public sealed class ChartLayoutTests
{
    private static readonly string[] s_years = ["2021", "2022", "2023", "2024"];

    private static ChartDrawing Layout(Chart chart, double width = 600, double height = 360) =>
        ChartLayout.Compute(chart, width, height, FixedWidthMeasurer.Instance);

    private static List<ChartRect> Bars(ChartDrawing drawing) => drawing.Elements.OfType<ChartRect>().Where(r => r.Datum is not null).ToList();

    private static List<ChartText> Texts(ChartDrawing drawing, ChartTextRole role) => drawing.Elements.OfType<ChartText>().Where(t => t.Role == role).ToList();

    [Fact]
    public void Bar_heights_are_proportional_to_the_values_and_stand_on_the_axis()
    {
        var chart = new Chart("Births", ChartKind.Bars, s_years, [new ChartSeries("Births", [100, 347, 50, 200])]);

        var drawing = Layout(chart);

        Assert.Equal([0, 100, 200, 300, 400], drawing.Ticks);
        var bars = Bars(drawing);
        Assert.Equal(4, bars.Count);
        double[] values = [100, 347, 50, 200];
        for (var i = 0; i < bars.Count; i++)
        {
            Assert.Equal(i, bars[i].Datum!.Category);
            Assert.Equal(drawing.Plot.Bottom, bars[i].Box.Bottom, 6);
            Assert.Equal(values[i] / 400 * drawing.Plot.Height, bars[i].Box.Height, 6);
        }

        Assert.True(bars.Zip(bars.Skip(1)).All(p => p.First.Box.X < p.Second.Box.X), "bars go left to right in category order");
    }

    [Fact]
    public void A_null_value_draws_no_bar_but_a_mark_and_a_note()
    {
        var chart = new Chart("Births", ChartKind.Bars, s_years,
        [
            new ChartSeries("Boys", [10, null, 30, 40]),
            new ChartSeries("Girls", [12, 22, null, 42]),
        ]);

        var drawing = Layout(chart);

        var bars = Bars(drawing);
        Assert.Equal(6, bars.Count);
        Assert.DoesNotContain(bars, b => b.Datum is { Series: 0, Category: 1 } or { Series: 1, Category: 2 });
        Assert.Equal(2, Texts(drawing, ChartTextRole.MissingMark).Count);
        Assert.Equal(Chart.DefaultMissingValuesNote, Assert.Single(Texts(drawing, ChartTextRole.Note)).Text);
    }

    [Fact]
    public void No_note_without_missing_values()
    {
        var drawing = Layout(new Chart("Births", ChartKind.Bars, s_years, [new ChartSeries("Births", [1, 2, 3, 4])]));

        Assert.Empty(Texts(drawing, ChartTextRole.Note));
        Assert.Empty(Texts(drawing, ChartTextRole.MissingMark));
    }

    [Theory]
    [InlineData(ChartKind.Bars)]
    [InlineData(ChartKind.StackedBars)]
    [InlineData(ChartKind.HorizontalBars)]
    [InlineData(ChartKind.Line)]
    public void All_missing_or_zero_values_lay_out_on_a_zero_to_one_axis(ChartKind kind)
    {
        var allNull = Layout(new Chart("Nothing yet", kind, s_years, [new ChartSeries("A", [null, null, null, null])]));
        var zeros = Layout(new Chart("Nothing yet", kind, s_years, [new ChartSeries("A", [0, 0, 0, 0])]));
        var empty = Layout(new Chart("No categories", kind, [], [new ChartSeries("A", [])]));

        Assert.Equal([0, 1], allNull.Ticks);
        Assert.Equal([0, 1], zeros.Ticks);
        Assert.Equal([0, 1], empty.Ticks);
        Assert.Empty(Bars(allNull));
        Assert.Empty(allNull.Elements.OfType<ChartPolyline>());
        Assert.All(Bars(zeros), bar => Assert.Equal(0, kind == ChartKind.HorizontalBars ? bar.Box.Width : bar.Box.Height, 6));
    }

    [Fact]
    public void The_target_line_is_dashed_at_the_target_value()
    {
        var chart = new Chart("Completeness", ChartKind.Bars, s_years, [new ChartSeries("Registered in 30 days", [71.5, 80.2, 86.9, 93.1])])
        {
            Format = ChartValueFormat.Percent,
            Target = new ChartTarget(90, "90% target"),
        };

        var drawing = Layout(chart);

        Assert.Equal([0, 20, 40, 60, 80, 100], drawing.Ticks);
        var target = Assert.Single(drawing.Elements.OfType<ChartLine>(), l => l.Role == ChartLineRole.Target);
        Assert.True(target.Dashed);
        var y = drawing.Plot.Bottom - 0.9 * drawing.Plot.Height;
        Assert.Equal(y, target.From.Y, 6);
        Assert.Equal(y, target.To.Y, 6);
        Assert.Equal(drawing.Plot.X, target.From.X, 6);
        Assert.Equal(drawing.Plot.Right, target.To.X, 6);
        var label = Assert.Single(Texts(drawing, ChartTextRole.TargetLabel));
        Assert.Equal("90% target", label.Text);
        Assert.InRange(label.Position.Y, y - 12, y + 12);
        Assert.Equal("100%", Texts(drawing, ChartTextRole.TickLabel)[^1].Text);
    }

    [Fact]
    public void A_target_above_every_value_raises_the_axis_to_include_it()
    {
        var chart = new Chart("Completeness", ChartKind.Bars, s_years, [new ChartSeries("A", [10, 20, 30, 40])]) { Target = new ChartTarget(90, "Target") };

        Assert.Equal(100, Layout(chart).Ticks[^1]);
    }

    [Fact]
    public void Stacked_segments_sit_on_each_other_and_total_the_category()
    {
        var chart = new Chart("Registrations", ChartKind.StackedBars, s_years,
        [
            new ChartSeries("On time", [100, 150, 200, 250]),
            new ChartSeries("Late", [50, null, 30, 20]),
            new ChartSeries("Delayed", [10, 20, 30, 40]),
        ]);

        var drawing = Layout(chart);

        Assert.Equal(400, drawing.Ticks[^1]);
        var scale = drawing.Plot.Height / 400;
        for (var c = 0; c < 4; c++)
        {
            var segments = Bars(drawing).Where(b => b.Datum!.Category == c).OrderBy(b => b.Datum!.Series).ToList();
            Assert.Equal(drawing.Plot.Bottom, segments[0].Box.Bottom, 6);
            for (var i = 1; i < segments.Count; i++)
            {
                Assert.Equal(segments[i - 1].Box.Y, segments[i].Box.Bottom, 6);
                Assert.Equal(segments[i].Box.X, segments[0].Box.X, 6);
            }

            var total = chart.Series.Sum(s => s.Values[c] ?? 0);
            Assert.Equal(total * scale, drawing.Plot.Bottom - segments[^1].Box.Y, 6);
        }

        Assert.Equal(11, Bars(drawing).Count);
    }

    [Fact]
    public void Horizontal_bars_grow_rightwards_from_labels_on_the_left()
    {
        string[] provinces = ["Phnom Penh", "Banteay Meanchey", "Preah Sihanouk", "Oddar Meanchey", "Tboung Khmum"];
        var chart = new Chart("Birth registration completeness", ChartKind.HorizontalBars, provinces,
            [new ChartSeries("2024", [96.5, 88.1, null, 79.9, 91.0])])
        {
            Format = ChartValueFormat.Percent,
            Target = new ChartTarget(90, "90% target"),
            ShowValues = true,
        };

        var drawing = Layout(chart);

        var bars = Bars(drawing);
        Assert.Equal(4, bars.Count);
        foreach (var bar in bars)
        {
            Assert.Equal(drawing.Plot.X, bar.Box.X, 6);
            Assert.Equal(bar.Datum!.Value / 100 * drawing.Plot.Width, bar.Box.Width, 6);
        }

        Assert.True(bars.Zip(bars.Skip(1)).All(p => p.First.Box.Y < p.Second.Box.Y), "rows go down in category order");
        var labels = Texts(drawing, ChartTextRole.CategoryLabel);
        Assert.Equal(provinces, labels.Select(l => l.Text));
        Assert.All(labels, l => Assert.True(l.Position.X <= drawing.Plot.X && l.Anchor == ChartTextAnchor.End && l.Rotation == 0));
        var target = Assert.Single(drawing.Elements.OfType<ChartLine>(), l => l.Role == ChartLineRole.Target);
        Assert.Equal(drawing.Plot.X + 0.9 * drawing.Plot.Width, target.From.X, 6);
        Assert.Equal(target.From.X, target.To.X, 6);
        Assert.Equal(["96.5%", "88.1%", "79.9%", "91.0%"], Texts(drawing, ChartTextRole.ValueLabel).Select(t => t.Text));
        var targetIndex = drawing.Elements.ToList().IndexOf(target);
        Assert.All(Texts(drawing, ChartTextRole.ValueLabel), t => Assert.True(drawing.Elements.ToList().IndexOf(t) > targetIndex, "value labels are drawn over the target line"));
        Assert.Single(Texts(drawing, ChartTextRole.MissingMark));
    }

    [Fact]
    public void Long_row_labels_are_truncated_to_a_column_of_at_most_a_third_of_the_width()
    {
        var name = string.Concat(Enumerable.Repeat("Very long district name ", 8)).Trim();
        var chart = new Chart("Completeness", ChartKind.HorizontalBars, [name, "Short"], [new ChartSeries("A", [50, 60])]);

        var drawing = Layout(chart, 600, 200);

        var labels = Texts(drawing, ChartTextRole.CategoryLabel);
        Assert.Equal(3, labels.Count);
        Assert.EndsWith("…", labels[1].Text, StringComparison.Ordinal);
        Assert.All(labels, label => Assert.True(FixedWidthMeasurer.Instance.Width(label.Text, label.Size, false) <= 600 * 0.35));
        Assert.True(drawing.Plot.X < 600 * 0.5);
    }

    [Fact]
    public void Labels_wrap_under_wide_columns_and_turn_under_narrow_ones()
    {
        string[] wide = ["Banteay Meanchey", "Kampong Chhnang", "Siem Reap"];
        var wrapped = Layout(new Chart("Births", ChartKind.Bars, wide, [new ChartSeries("A", [1, 2, 3])]), 250, 300);
        var wrappedLabels = Texts(wrapped, ChartTextRole.CategoryLabel);
        Assert.All(wrappedLabels, l => Assert.Equal(0, l.Rotation));
        Assert.Equal(["Banteay", "Meanchey", "Kampong", "Chhnang", "Siem Reap"], wrappedLabels.Select(l => l.Text));

        var many = Enumerable.Range(1, 25).Select(i => $"Province number {i}").ToArray();
        var narrow = Layout(new Chart("Births", ChartKind.Bars, many, [new ChartSeries("A", many.Select(_ => (double?)5).ToArray())]), 500, 300);
        var turned = Texts(narrow, ChartTextRole.CategoryLabel);
        Assert.Equal(25, turned.Count);
        Assert.All(turned, l => Assert.Equal(-45, l.Rotation));
        Assert.All(turned, l => Assert.True(l.Position.Y > narrow.Plot.Bottom));
        Assert.True(narrow.Plot.Height > 100, "turned labels leave room for the plot");
    }

    [Fact]
    public void A_line_breaks_at_a_missing_value()
    {
        var chart = new Chart("Deaths", ChartKind.Line, ["Jan", "Feb", "Mar", "Apr", "May"],
        [
            new ChartSeries("2023", [5, 6, null, 8, 9]),
            new ChartSeries("2024", [4, 5, 6, 7, 8]),
        ]);

        var drawing = Layout(chart);

        var lines = drawing.Elements.OfType<ChartPolyline>().ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal([2, 2, 5], lines.Select(l => l.Points.Count));
        Assert.Equal(9, drawing.Elements.OfType<ChartCircle>().Count());
        var may2023 = drawing.Elements.OfType<ChartCircle>().Single(c => c.Datum is { Series: 0, Category: 4 });
        Assert.Equal(drawing.Plot.Bottom - 9.0 / 10 * drawing.Plot.Height, may2023.Center.Y, 6);
        Assert.Single(Texts(drawing, ChartTextRole.Note));
    }

    [Fact]
    public void A_legend_names_the_series_only_when_there_are_several()
    {
        var one = Layout(new Chart("Births", ChartKind.Bars, s_years, [new ChartSeries("All", [1, 2, 3, 4])]));
        var two = Layout(new Chart("Births", ChartKind.Bars, s_years, [new ChartSeries("ប្រុស", [1, 2, 3, 4]), new ChartSeries("ស្រី", [1, 2, 3, 4])]));

        Assert.Empty(Texts(one, ChartTextRole.Legend));
        Assert.Equal(["ប្រុស", "ស្រី"], Texts(two, ChartTextRole.Legend).Select(t => t.Text));
        Assert.True(Texts(two, ChartTextRole.Legend).All(t => t.Position.Y < two.Plot.Y));
    }

    [Theory]
    [InlineData(ChartKind.Bars)]
    [InlineData(ChartKind.StackedBars)]
    [InlineData(ChartKind.HorizontalBars)]
    [InlineData(ChartKind.Line)]
    public void Unturned_text_stays_inside_the_chart_and_clear_of_the_plot(ChartKind kind)
    {
        var chart = new Chart("ស្ថិតិកំណើតតាមខេត្ត ឆ្នាំ ២០២៤ — a title long enough to need a second line in a narrow chart", kind,
            ["ភ្នំពេញ", "បន្ទាយមានជ័យ", "កំពង់ចាម", "Siem Reap"],
            [new ChartSeries("ប្រុស", [1200, 800, null, 950]), new ChartSeries("ស្រី", [1100, 780, 640, 990])])
        {
            Subtitle = "Source: civil registration",
            Target = new ChartTarget(1000, "Target"),
            CategoryAxisTitle = "Province",
            ValueAxisTitle = "Births",
        };

        var drawing = Layout(chart, 420, 300);

        foreach (var text in drawing.Elements.OfType<ChartText>().Where(t => t.Rotation == 0))
        {
            var width = FixedWidthMeasurer.Instance.Width(text.Text, text.Size, text.Bold);
            var left = text.Anchor switch
            {
                ChartTextAnchor.Start => text.Position.X,
                ChartTextAnchor.Middle => text.Position.X - width / 2,
                _ => text.Position.X - width,
            };
            Assert.True(left >= 0 && left + width <= 420 + 1e-6, $"\"{text.Text}\" ({text.Role}) runs from {left} to {left + width}");
            Assert.InRange(text.Position.Y, text.Size, 300);
            if (text.Role is ChartTextRole.Title or ChartTextRole.Subtitle or ChartTextRole.Legend or ChartTextRole.Note
                || (text.Role == ChartTextRole.CategoryLabel && kind != ChartKind.HorizontalBars))
            {
                Assert.False(text.Position.Y > drawing.Plot.Y && text.Position.Y - text.Size < drawing.Plot.Bottom, $"\"{text.Text}\" ({text.Role}) overlaps the plot");
            }
        }
    }

    [Fact]
    public void Values_that_do_not_match_the_categories_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Layout(new Chart("x", ChartKind.Bars, s_years, [new ChartSeries("A", [1, 2])])));
        Assert.Throws<ArgumentException>(() => Layout(new Chart("x", ChartKind.Bars, s_years, [new ChartSeries("A", [1, 2, double.NaN, 4])])));
        Assert.Throws<ArgumentException>(() => Layout(new Chart("x", ChartKind.Bars, s_years, [])));
    }

    [Fact]
    public void Khmer_words_wrap_at_zero_width_spaces_and_never_inside_a_cluster()
    {
        var lines = ChartLayout.Wrap("ការចុះបញ្ជី\u200Bកំណើត\u200Bទាន់ពេល", 10, false, 60, 3, FixedWidthMeasurer.Instance);

        Assert.Equal(["ការចុះបញ្ជី", "កំណើត", "ទាន់ពេល"], lines);

        var truncated = ChartLayout.Truncate("ស្ត្រីស្ត្រីស្ត្រី", 10, false, 45, FixedWidthMeasurer.Instance);
        Assert.Equal("ស្ត្រី…", truncated);
    }
}
