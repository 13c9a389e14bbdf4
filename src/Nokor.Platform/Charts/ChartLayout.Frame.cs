namespace Nokor.Platform.Charts;

public static partial class ChartLayout
{
    /// <summary>
    /// The layout of one chart. This part holds what every plot kind shares: the header, legend and
    /// note, the value axis and its gridlines, axis titles, value labels and missing marks.
    /// </summary>
    private sealed partial class Builder(Chart chart, double width, double height, IChartTextMeasurer measurer)
    {
        private readonly Chart _chart = chart;
        private readonly double _width = width;
        private readonly double _height = height;
        private readonly IChartTextMeasurer _measurer = measurer;
        private readonly List<ChartElement> _elements = [];
        private readonly List<ChartText> _valueLabels = [];
        private readonly bool _horizontal = chart.Kind == ChartKind.HorizontalBars;
        private double _top = Pad;
        private double _bottom = height - Pad;
        private IReadOnlyList<double> _ticks = [];
        private double _axisMax = 1;
        private ChartBox _plot;

        private int CategoryCount => _chart.Categories.Count;

        private bool HasMissing => _chart.Series.Any(s => s.Values.Any(v => v is null));

        public ChartDrawing Build()
        {
            _elements.Add(new ChartRect(new ChartBox(0, 0, _width, _height), ChartColor.White));
            Header();
            Legend();
            Footer();
            Axis();
            if (_horizontal)
            {
                HorizontalPlot();
            }
            else
            {
                VerticalPlot();
            }

            ValueLabels();
            return new ChartDrawing(_width, _height, _elements, _plot, _ticks);
        }

        private double Measure(string text, double size, bool bold = false) => _measurer.Width(text, size, bold);

        private void Text(string text, double x, double y, double size, ChartTextRole role, ChartTextAnchor anchor = ChartTextAnchor.Start, bool bold = false, ChartColor? color = null, double rotation = 0) =>
            _elements.Add(new ChartText(text, new ChartPoint(x, y), size, bold, anchor, color ?? ChartPalette.Text, role) { Rotation = rotation });

        private void Header()
        {
            foreach (var line in Wrap(_chart.Title, TitleSize, true, _width - 2 * Pad, 2, _measurer))
            {
                Text(line, Pad, _top + Ascent(TitleSize), TitleSize, ChartTextRole.Title, bold: true);
                _top += LineHeight(TitleSize);
            }

            if (!string.IsNullOrWhiteSpace(_chart.Subtitle))
            {
                foreach (var line in Wrap(_chart.Subtitle, SubtitleSize, false, _width - 2 * Pad, 2, _measurer))
                {
                    Text(line, Pad, _top + Ascent(SubtitleSize), SubtitleSize, ChartTextRole.Subtitle, color: ChartPalette.MutedText);
                    _top += LineHeight(SubtitleSize);
                }
            }

            _top += 4;
        }

        private void Legend()
        {
            if (_chart.Series.Count < 2)
            {
                return;
            }

            const double swatch = 10;
            const double gap = 5;
            const double spacing = 14;
            var maxText = Math.Max(20, _width - 2 * Pad - swatch - gap);
            var x = Pad;
            var rowHeight = LineHeight(LegendSize);
            for (var i = 0; i < _chart.Series.Count; i++)
            {
                var name = Truncate(_chart.Series[i].Name, LegendSize, false, maxText, _measurer);
                var itemWidth = swatch + gap + Measure(name, LegendSize);
                if (x > Pad && x + itemWidth > _width - Pad)
                {
                    x = Pad;
                    _top += rowHeight;
                }

                var baseline = _top + Ascent(LegendSize);
                var color = ChartPalette.Series(i);
                if (_chart.Kind == ChartKind.Line)
                {
                    _elements.Add(new ChartLine(new ChartPoint(x, baseline - 3.5), new ChartPoint(x + swatch, baseline - 3.5), color, 2.5, ChartLineRole.Legend));
                }
                else
                {
                    _elements.Add(new ChartRect(new ChartBox(x, baseline - swatch + 1, swatch, swatch), color));
                }

                Text(name, x + swatch + gap, baseline, LegendSize, ChartTextRole.Legend);
                x += itemWidth + spacing;
            }

            _top += rowHeight + 4;
        }

        private void Footer()
        {
            if (!HasMissing || string.IsNullOrWhiteSpace(_chart.MissingValuesNote))
            {
                return;
            }

            var lines = Wrap(_chart.MissingValuesNote, NoteSize, false, _width - 2 * Pad, 2, _measurer);
            _bottom -= lines.Count * LineHeight(NoteSize);
            var top = _bottom;
            foreach (var line in lines)
            {
                Text(line, Pad, top + Ascent(NoteSize), NoteSize, ChartTextRole.Note, color: ChartPalette.MutedText);
                top += LineHeight(NoteSize);
            }

            _bottom -= 4;
        }

        private void Axis()
        {
            var max = 0.0;
            for (var c = 0; c < CategoryCount; c++)
            {
                if (_chart.Kind == ChartKind.StackedBars)
                {
                    max = Math.Max(max, _chart.Series.Sum(s => s.Values[c] ?? 0));
                }
                else
                {
                    foreach (var series in _chart.Series)
                    {
                        max = Math.Max(max, series.Values[c] ?? 0);
                    }
                }
            }

            if (_chart.Target is { } target)
            {
                max = Math.Max(max, target.Value);
            }

            _ticks = ChartTicks.Nice(max, _chart.Format == ChartValueFormat.Count);
            _axisMax = _ticks[^1];
        }

        private string TickLabel(double tick) => ChartTicks.Label(tick, _ticks[1] - _ticks[0], _chart.Format);

        private string Tooltip(int series, int category, double value) =>
            $"{_chart.Series[series].Name} – {_chart.Categories[category]}: {ChartValues.Format(value, _chart.Format)}";

        private double LeftAxisTitleWidth(string? title) => string.IsNullOrWhiteSpace(title) ? 0 : LineHeight(AxisTitleSize);

        private void LeftAxisTitle(string? title)
        {
            if (string.IsNullOrWhiteSpace(title))
            {
                return;
            }

            var line = Truncate(title.Trim(), AxisTitleSize, false, Math.Max(20, _plot.Height), _measurer);
            Text(line, Pad + Ascent(AxisTitleSize), _plot.Y + _plot.Height / 2, AxisTitleSize, ChartTextRole.AxisTitle, ChartTextAnchor.Middle, color: ChartPalette.MutedText, rotation: -90);
        }

        /// <summary>Reserves room at the bottom for an axis title; returns its baseline.</summary>
        private double? BottomAxisTitle(string? title)
        {
            if (string.IsNullOrWhiteSpace(title))
            {
                return null;
            }

            _bottom -= LineHeight(AxisTitleSize);
            return _bottom + Ascent(AxisTitleSize);
        }

        private void DrawBottomAxisTitle(string? title, double? baseline)
        {
            if (baseline is { } y && title is not null)
            {
                var line = Truncate(title.Trim(), AxisTitleSize, false, _width - 2 * Pad, _measurer);
                Text(line, Math.Clamp(_plot.X + _plot.Width / 2, Pad + Measure(line, AxisTitleSize) / 2, _width - Pad - Measure(line, AxisTitleSize) / 2), y, AxisTitleSize, ChartTextRole.AxisTitle, ChartTextAnchor.Middle, color: ChartPalette.MutedText);
            }
        }

        private void Gridlines(Func<double, double> position, bool vertical)
        {
            foreach (var tick in _ticks)
            {
                var p = position(tick);
                if (tick > 0)
                {
                    var line = vertical
                        ? new ChartLine(new ChartPoint(_plot.X, p), new ChartPoint(_plot.Right, p), ChartPalette.Grid, 0.75, ChartLineRole.Gridline)
                        : new ChartLine(new ChartPoint(p, _plot.Y), new ChartPoint(p, _plot.Bottom), ChartPalette.Grid, 0.75, ChartLineRole.Gridline);
                    _elements.Add(line);
                }

                if (vertical)
                {
                    Text(TickLabel(tick), _plot.X - 5, p + TickSize * 0.35, TickSize, ChartTextRole.TickLabel, ChartTextAnchor.End, color: ChartPalette.MutedText);
                }
                else
                {
                    Text(TickLabel(tick), p, _plot.Bottom + 3 + Ascent(TickSize), TickSize, ChartTextRole.TickLabel, ChartTextAnchor.Middle, color: ChartPalette.MutedText);
                }
            }
        }

        private void ValueLabel(string text, double x, double y, double size, ChartTextAnchor anchor) =>
            _valueLabels.Add(new ChartText(text, new ChartPoint(x, y), size, false, anchor, ChartPalette.Text, ChartTextRole.ValueLabel));

        /// <summary>Value labels go last, on a white patch, so the target line cannot run through them.</summary>
        private void ValueLabels()
        {
            foreach (var label in _valueLabels)
            {
                var w = Measure(label.Text, label.Size) + 2;
                var x = label.Anchor switch
                {
                    ChartTextAnchor.Start => label.Position.X - 1,
                    ChartTextAnchor.Middle => label.Position.X - w / 2,
                    _ => label.Position.X - w + 1,
                };
                _elements.Add(new ChartRect(new ChartBox(x, label.Position.Y - label.Size * 0.85, w, label.Size * 1.1), ChartColor.White));
                _elements.Add(label);
            }
        }

        private void MissingMark(double x, double y, ChartTextAnchor anchor, double size = LabelSize) =>
            Text("–", x, y, size, ChartTextRole.MissingMark, anchor, color: ChartPalette.MutedText);
    }
}
