namespace Nokor.Platform.Charts;

public static partial class ChartLayout
{
    private sealed partial class Builder
    {
        /// <summary>
        /// The category axis along the bottom, shared by bars, stacked bars and lines: category labels
        /// under their columns (wrapped, or turned 45° when they do not fit), the value axis on the left,
        /// the target line, then the plot kind draws its data in the columns.
        /// </summary>
        private void VerticalPlot()
        {
            var titleBaseline = BottomAxisTitle(_chart.CategoryAxisTitle);
            var tickWidth = _ticks.Max(t => Measure(TickLabel(t), TickSize));
            var left = Pad + LeftAxisTitleWidth(_chart.ValueAxisTitle) + tickWidth + 5;
            var right = _width - Pad;
            var plotWidth = Math.Max(10, right - left);
            var band = CategoryCount == 0 ? plotWidth : plotWidth / CategoryCount;

            // Category labels: wrapped under their column in up to two lines of whole words; when a
            // label does not fit that way, all labels are turned 45° on one line, taking _height instead.
            var labelWidth = Math.Max(4, band - 4);
            var fit = true;
            var wrapped = new List<List<string>>();
            foreach (var category in _chart.Categories)
            {
                wrapped.Add(Wrap(category ?? "", LabelSize, false, labelWidth, 2, _measurer, out var wholeWords));
                fit &= wholeWords;
            }

            var rotate = CategoryCount > 0 && (band < LabelSize * 2 || !fit);
            List<string> rotated = [];
            double labelsHeight;
            const double sin45 = 0.7071067811865476;
            if (rotate)
            {
                var maxLength = Math.Max(30, (_bottom - _top) * 0.4 / sin45);
                for (var c = 0; c < CategoryCount; c++)
                {
                    var anchorX = left + band * (c + 0.5) + LabelSize * 0.35;
                    var room = Math.Min(maxLength, (anchorX - Pad) / sin45);
                    rotated.Add(Truncate((_chart.Categories[c] ?? "").Trim(), LabelSize, false, room, _measurer));
                }

                labelsHeight = (rotated.Count == 0 ? 0 : rotated.Max(l => Measure(l, LabelSize))) * sin45 + LabelSize * 1.2;
            }
            else
            {
                labelsHeight = (wrapped.Count == 0 ? 1 : Math.Max(1, wrapped.Max(l => l.Count))) * LineHeight(LabelSize);
            }

            var plotTop = _top + TickSize * 0.7;
            var plotBottom = _bottom - labelsHeight - 4;
            _plot = new ChartBox(left, plotTop, plotWidth, Math.Max(10, plotBottom - plotTop));
            double Y(double v) => _plot.Bottom - v / _axisMax * _plot.Height;

            Gridlines(Y, vertical: true);

            var catBaseline = _plot.Bottom + 4;
            for (var c = 0; c < CategoryCount; c++)
            {
                var center = left + band * (c + 0.5);
                if (rotate)
                {
                    Text(rotated[c], center + LabelSize * 0.35, catBaseline + LabelSize * 0.5, LabelSize, ChartTextRole.CategoryLabel, ChartTextAnchor.End, rotation: -45);
                }
                else
                {
                    var baseline = catBaseline + Ascent(LabelSize);
                    foreach (var line in wrapped[c])
                    {
                        Text(line, center, baseline, LabelSize, ChartTextRole.CategoryLabel, ChartTextAnchor.Middle);
                        baseline += LineHeight(LabelSize);
                    }
                }
            }

            switch (_chart.Kind)
            {
                case ChartKind.Bars:
                    GroupedBars(band, Y);
                    break;
                case ChartKind.StackedBars:
                    StackedBars(band, Y);
                    break;
                default:
                    Lines(band, Y);
                    break;
            }

            _elements.Add(new ChartLine(new ChartPoint(_plot.X, _plot.Bottom), new ChartPoint(_plot.Right, _plot.Bottom), ChartPalette.Axis, 1, ChartLineRole.Axis));

            if (_chart.Target is { } target)
            {
                var y = Y(target.Value);
                _elements.Add(new ChartLine(new ChartPoint(_plot.X, y), new ChartPoint(_plot.Right, y), ChartPalette.Target, 1.2, ChartLineRole.Target) { Dashed = true });
                var label = Truncate(target.Label, TickSize, true, _plot.Width, _measurer);
                var above = y - _plot.Y >= LineHeight(TickSize);
                Text(label, _plot.Right - 2, above ? y - 3 : y + Ascent(TickSize) + 2, TickSize, ChartTextRole.TargetLabel, ChartTextAnchor.End, bold: true, color: ChartPalette.Target);
            }

            LeftAxisTitle(_chart.ValueAxisTitle);
            DrawBottomAxisTitle(_chart.CategoryAxisTitle, titleBaseline);
        }
    }
}
