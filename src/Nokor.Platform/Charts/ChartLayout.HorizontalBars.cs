namespace Nokor.Platform.Charts;

public static partial class ChartLayout
{
    private sealed partial class Builder
    {
        /// <summary>
        /// Horizontal bars: a row per category with its label on the left, the value axis along the
        /// bottom, the target as a vertical line.
        /// </summary>
        private void HorizontalPlot()
        {
            var titleBaseline = BottomAxisTitle(_chart.ValueAxisTitle);
            var tickBottom = _bottom - 3 - LineHeight(TickSize);
            var plotTop = _top + (_chart.Target is null ? 2 : LineHeight(TickSize));
            var plotHeight = Math.Max(10, tickBottom - plotTop);
            var band = CategoryCount == 0 ? plotHeight : plotHeight / CategoryCount;

            // Row labels sit left of the bars, in up to two lines when the rows are tall enough,
            // in a column at most 35% of the _width; rows too low for the label size get smaller
            // text (down to a size still legible in print) rather than overlapping labels.
            var rowSize = Math.Clamp(band / 1.45, 6.5, LabelSize);
            var valueSize = Math.Min(TickSize, rowSize);
            var maxLines = band >= 2 * LineHeight(rowSize) + 2 ? 2 : 1;
            var leftTitle = LeftAxisTitleWidth(_chart.CategoryAxisTitle);
            var column = Math.Max(30, _width * 0.35 - leftTitle);
            var labels = _chart.Categories.Select(c => Wrap(c ?? "", rowSize, false, column, maxLines, _measurer)).ToList();
            var labelWidth = labels.Count == 0 ? 0 : labels.Max(lines => lines.Count == 0 ? 0 : lines.Max(l => Measure(l, rowSize)));
            var left = Pad + leftTitle + labelWidth + 6;
            var lastTick = Measure(TickLabel(_ticks[^1]), TickSize);
            var right = _width - Pad - lastTick / 2;
            if (_chart.ShowValues)
            {
                right = Math.Min(right, _width - Pad - Measure(ChartValues.Format(_axisMax, _chart.Format), valueSize) - 4);
            }

            _plot = new ChartBox(left, plotTop, Math.Max(10, right - left), plotHeight);
            double X(double v) => _plot.X + v / _axisMax * _plot.Width;

            Gridlines(X, vertical: false);

            var n = _chart.Series.Count;
            var group = band * (n == 1 ? 0.7 : 0.8);
            var barHeight = Math.Min(group / n, 40);
            group = barHeight * n;
            for (var c = 0; c < CategoryCount; c++)
            {
                var center = _plot.Y + band * (c + 0.5);
                var lines = labels[c];
                var baseline = center - (lines.Count - 1) * LineHeight(rowSize) / 2 + rowSize * 0.35;
                foreach (var line in lines)
                {
                    Text(line, left - 6, baseline, rowSize, ChartTextRole.CategoryLabel, ChartTextAnchor.End);
                    baseline += LineHeight(rowSize);
                }

                var y0 = center - group / 2;
                for (var s = 0; s < n; s++)
                {
                    var y = y0 + s * barHeight;
                    if (_chart.Series[s].Values[c] is not { } value)
                    {
                        MissingMark(_plot.X + 3, y + barHeight / 2 + rowSize * 0.35, ChartTextAnchor.Start, rowSize);
                        continue;
                    }

                    var gap = n > 1 ? Math.Min(1, barHeight * 0.1) : 0;
                    var end = X(value);
                    _elements.Add(new ChartRect(new ChartBox(_plot.X, y + gap / 2, end - _plot.X, barHeight - gap), ChartPalette.Series(s)) { Datum = new ChartDatum(s, c, value, Tooltip(s, c, value)) });
                    if (_chart.ShowValues && barHeight >= valueSize * 0.8)
                    {
                        ValueLabel(ChartValues.Format(value, _chart.Format), end + 3, y + barHeight / 2 + valueSize * 0.35, valueSize, ChartTextAnchor.Start);
                    }
                }
            }

            _elements.Add(new ChartLine(new ChartPoint(_plot.X, _plot.Y), new ChartPoint(_plot.X, _plot.Bottom), ChartPalette.Axis, 1, ChartLineRole.Axis));

            if (_chart.Target is { } target)
            {
                var x = X(target.Value);
                _elements.Add(new ChartLine(new ChartPoint(x, _plot.Y - 2), new ChartPoint(x, _plot.Bottom), ChartPalette.Target, 1.2, ChartLineRole.Target) { Dashed = true });
                var label = Truncate(target.Label, TickSize, true, _width - 2 * Pad, _measurer);
                var half = Measure(label, TickSize, true) / 2;
                Text(label, Math.Clamp(x, Pad + half, _width - Pad - half), _plot.Y - 5, TickSize, ChartTextRole.TargetLabel, ChartTextAnchor.Middle, bold: true, color: ChartPalette.Target);
            }

            LeftAxisTitle(_chart.CategoryAxisTitle);
            DrawBottomAxisTitle(_chart.ValueAxisTitle, titleBaseline);
        }
    }
}
