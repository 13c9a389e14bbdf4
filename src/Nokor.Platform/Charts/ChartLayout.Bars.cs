namespace Nokor.Platform.Charts;

public static partial class ChartLayout
{
    private sealed partial class Builder
    {
        /// <summary>Bars side by side in each column, one per series, with their values above them.</summary>
        private void GroupedBars(double band, Func<double, double> y)
        {
            var n = _chart.Series.Count;
            var group = band * (n == 1 ? 0.65 : 0.8);
            var barWidth = Math.Min(group / n, 56);
            group = barWidth * n;
            for (var c = 0; c < CategoryCount; c++)
            {
                var x0 = _plot.X + band * (c + 0.5) - group / 2;
                for (var s = 0; s < n; s++)
                {
                    var x = x0 + s * barWidth;
                    if (_chart.Series[s].Values[c] is not { } value)
                    {
                        MissingMark(x + barWidth / 2, _plot.Bottom - 3, ChartTextAnchor.Middle);
                        continue;
                    }

                    var top = y(value);
                    var gap = n > 1 ? Math.Min(1, barWidth * 0.1) : 0;
                    _elements.Add(new ChartRect(new ChartBox(x + gap / 2, top, barWidth - gap, _plot.Bottom - top), ChartPalette.Series(s)) { Datum = new ChartDatum(s, c, value, Tooltip(s, c, value)) });
                    if (_chart.ShowValues)
                    {
                        var label = ChartValues.Format(value, _chart.Format);
                        if (Measure(label, TickSize) <= barWidth + 2 && top - _plot.Y >= TickSize)
                        {
                            ValueLabel(label, x + barWidth / 2, top - 3, TickSize, ChartTextAnchor.Middle);
                        }
                    }
                }
            }
        }
    }
}
