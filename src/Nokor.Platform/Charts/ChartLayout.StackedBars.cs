namespace Nokor.Platform.Charts;

public static partial class ChartLayout
{
    private sealed partial class Builder
    {
        /// <summary>One bar per column, the series stacked from the bottom up; a column with no value gets a missing mark.</summary>
        private void StackedBars(double band, Func<double, double> y)
        {
            var barWidth = Math.Min(band * 0.65, 64);
            for (var c = 0; c < CategoryCount; c++)
            {
                var x = _plot.X + band * (c + 0.5) - barWidth / 2;
                var sum = 0.0;
                var drawn = false;
                for (var s = 0; s < _chart.Series.Count; s++)
                {
                    if (_chart.Series[s].Values[c] is not { } value)
                    {
                        continue;
                    }

                    var bottom = y(sum);
                    sum += value;
                    var top = y(sum);
                    _elements.Add(new ChartRect(new ChartBox(x, top, barWidth, bottom - top), ChartPalette.Series(s))
                    {
                        Datum = new ChartDatum(s, c, value, Tooltip(s, c, value)),
                        Stroke = ChartColor.White,
                    });
                    drawn = true;
                }

                if (!drawn)
                {
                    MissingMark(x + barWidth / 2, _plot.Bottom - 3, ChartTextAnchor.Middle);
                }
            }
        }
    }
}
