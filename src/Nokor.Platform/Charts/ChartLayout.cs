using Nokor.Platform.Pdf;

namespace Nokor.Platform.Charts;

/// <summary>
/// Lays a chart out once, as a pure function, into primitives (<see cref="ChartDrawing"/>) that
/// the SVG and PDF renderers only translate, so both outputs agree and the geometry can be
/// tested without drawing anything. Sizes are in the units of the target (pixels for SVG, points
/// for PDF); text widths come from an <see cref="IChartTextMeasurer"/>.
/// </summary>
public static class ChartLayout
{
    internal const double TitleSize = 15;
    internal const double SubtitleSize = 11.5;
    internal const double LabelSize = 10;
    internal const double TickSize = 9.5;
    internal const double LegendSize = 10;
    internal const double AxisTitleSize = 10;
    internal const double NoteSize = 8.5;
    internal const string Ellipsis = "…";

    private const double Pad = 8;

    /// <summary>Baseline-to-baseline distance; generous because Khmer stacks reach far above and below.</summary>
    internal static double LineHeight(double size) => size * 1.5;

    /// <summary>From the top of a line box to its baseline.</summary>
    internal static double Ascent(double size) => size * 1.1;

    public static ChartDrawing Compute(Chart chart, double width, double height, IChartTextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(measurer);
        if (!(width >= 50 && height >= 50 && double.IsFinite(width) && double.IsFinite(height)))
        {
            throw new ArgumentOutOfRangeException(nameof(width), "A chart needs at least 50 × 50 units.");
        }

        Validate(chart);
        return new Builder(chart, width, height, measurer).Build();
    }

    private static void Validate(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart.Title, nameof(chart.Title));
        ArgumentNullException.ThrowIfNull(chart.Categories, nameof(chart.Categories));
        ArgumentNullException.ThrowIfNull(chart.Series, nameof(chart.Series));
        if (chart.Series.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(chart));
        }

        foreach (var series in chart.Series)
        {
            if (series?.Values is null || series.Name is null)
            {
                throw new ArgumentException("Every series needs a name and values.", nameof(chart));
            }

            if (series.Values.Count != chart.Categories.Count)
            {
                throw new ArgumentException($"Series \"{series.Name}\" has {series.Values.Count} values for {chart.Categories.Count} categories.", nameof(chart));
            }

            foreach (var value in series.Values)
            {
                if (value is { } v && (!double.IsFinite(v) || v < 0))
                {
                    throw new ArgumentException($"Series \"{series.Name}\" has the value {v}: values must be finite and not negative.", nameof(chart));
                }
            }
        }

        if (chart.Target is { } target && (!double.IsFinite(target.Value) || target.Value < 0 || target.Label is null))
        {
            throw new ArgumentException("The target needs a finite value that is not negative and a label.", nameof(chart));
        }
    }

    /// <summary>
    /// Breaks text into at most <paramref name="maxLines"/> lines no wider than
    /// <paramref name="maxWidth"/>, at spaces and ZERO WIDTH SPACE (Khmer word boundaries), a word
    /// too wide for a line between clusters; what does not fit ends in an ellipsis.
    /// </summary>
    internal static List<string> Wrap(string text, double size, bool bold, double maxWidth, int maxLines, IChartTextMeasurer measurer) =>
        Wrap(text, size, bold, maxWidth, maxLines, measurer, out _);

    /// <summary>As the other overload; <c>wholeWords</c> is false when a word had to be broken or the text cut short.</summary>
    internal static List<string> Wrap(string text, double size, bool bold, double maxWidth, int maxLines, IChartTextMeasurer measurer, out bool wholeWords)
    {
        wholeWords = true;
        text = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();
        var lines = new List<string>();
        if (text.Length == 0)
        {
            return lines;
        }

        bool Fits(string s) => measurer.Width(s, size, bold) <= maxWidth;

        var line = "";
        foreach (var word in Words(text))
        {
            var candidate = line + word;
            if (Fits(TextClusters.TrimLineEnd(candidate)))
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(TextClusters.TrimLineEnd(line));
                line = "";
            }

            // A word too wide for a line on its own is broken between clusters.
            if (!Fits(TextClusters.TrimLineEnd(word)))
            {
                wholeWords = false;
            }

            foreach (var (start, length) in TextClusters.Split(word))
            {
                var cluster = word.Substring(start, length);
                if (line.Length > 0 && !Fits(TextClusters.TrimLineEnd(line + cluster)))
                {
                    lines.Add(TextClusters.TrimLineEnd(line));
                    line = "";
                }

                line += cluster;
            }
        }

        if (TextClusters.TrimLineEnd(line).Length > 0)
        {
            lines.Add(TextClusters.TrimLineEnd(line));
        }

        if (lines.Count > maxLines)
        {
            wholeWords = false;
            var rest = string.Join(" ", lines.Skip(maxLines - 1));
            lines.RemoveRange(maxLines - 1, lines.Count - maxLines + 1);
            lines.Add(Truncate(rest + Ellipsis, size, bold, maxWidth, measurer));
        }

        return lines;
    }

    /// <summary>The text, or as many leading clusters of it as fit with an ellipsis after them.</summary>
    internal static string Truncate(string text, double size, bool bold, double maxWidth, IChartTextMeasurer measurer)
    {
        if (measurer.Width(text, size, bold) <= maxWidth)
        {
            return text;
        }

        if (text.EndsWith(Ellipsis, StringComparison.Ordinal))
        {
            text = text[..^Ellipsis.Length];
        }

        var clusters = TextClusters.Split(text);
        for (var n = clusters.Count - 1; n > 0; n--)
        {
            var prefix = text[..(clusters[n - 1].Start + clusters[n - 1].Length)].TrimEnd(' ', '\u200B');
            if (measurer.Width(prefix + Ellipsis, size, bold) <= maxWidth)
            {
                return prefix + Ellipsis;
            }
        }

        return Ellipsis;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' || text[i] == TextClusters.ZeroWidthSpace)
            {
                var end = i + 1;
                while (end < text.Length && (text[end] == ' ' || text[end] == TextClusters.ZeroWidthSpace))
                {
                    end++;
                }

                yield return text[start..end];
                start = end;
                i = end - 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private sealed class Builder(Chart chart, double width, double height, IChartTextMeasurer measurer)
    {
        private readonly List<ChartElement> _elements = [];
        private readonly List<ChartText> _valueLabels = [];
        private readonly bool _horizontal = chart.Kind == ChartKind.HorizontalBars;
        private double _top = Pad;
        private double _bottom = height - Pad;
        private IReadOnlyList<double> _ticks = [];
        private double _axisMax = 1;
        private ChartBox _plot;

        private int CategoryCount => chart.Categories.Count;

        private bool HasMissing => chart.Series.Any(s => s.Values.Any(v => v is null));

        public ChartDrawing Build()
        {
            _elements.Add(new ChartRect(new ChartBox(0, 0, width, height), ChartColor.White));
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
            return new ChartDrawing(width, height, _elements, _plot, _ticks);
        }

        private double Measure(string text, double size, bool bold = false) => measurer.Width(text, size, bold);

        private void Text(string text, double x, double y, double size, ChartTextRole role, ChartTextAnchor anchor = ChartTextAnchor.Start, bool bold = false, ChartColor? color = null, double rotation = 0) =>
            _elements.Add(new ChartText(text, new ChartPoint(x, y), size, bold, anchor, color ?? ChartPalette.Text, role) { Rotation = rotation });

        private void Header()
        {
            foreach (var line in Wrap(chart.Title, TitleSize, true, width - 2 * Pad, 2, measurer))
            {
                Text(line, Pad, _top + Ascent(TitleSize), TitleSize, ChartTextRole.Title, bold: true);
                _top += LineHeight(TitleSize);
            }

            if (!string.IsNullOrWhiteSpace(chart.Subtitle))
            {
                foreach (var line in Wrap(chart.Subtitle, SubtitleSize, false, width - 2 * Pad, 2, measurer))
                {
                    Text(line, Pad, _top + Ascent(SubtitleSize), SubtitleSize, ChartTextRole.Subtitle, color: ChartPalette.MutedText);
                    _top += LineHeight(SubtitleSize);
                }
            }

            _top += 4;
        }

        private void Legend()
        {
            if (chart.Series.Count < 2)
            {
                return;
            }

            const double swatch = 10;
            const double gap = 5;
            const double spacing = 14;
            var maxText = Math.Max(20, width - 2 * Pad - swatch - gap);
            var x = Pad;
            var rowHeight = LineHeight(LegendSize);
            for (var i = 0; i < chart.Series.Count; i++)
            {
                var name = Truncate(chart.Series[i].Name, LegendSize, false, maxText, measurer);
                var itemWidth = swatch + gap + Measure(name, LegendSize);
                if (x > Pad && x + itemWidth > width - Pad)
                {
                    x = Pad;
                    _top += rowHeight;
                }

                var baseline = _top + Ascent(LegendSize);
                var color = ChartPalette.Series(i);
                if (chart.Kind == ChartKind.Line)
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
            if (!HasMissing || string.IsNullOrWhiteSpace(chart.MissingValuesNote))
            {
                return;
            }

            var lines = Wrap(chart.MissingValuesNote, NoteSize, false, width - 2 * Pad, 2, measurer);
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
                if (chart.Kind == ChartKind.StackedBars)
                {
                    max = Math.Max(max, chart.Series.Sum(s => s.Values[c] ?? 0));
                }
                else
                {
                    foreach (var series in chart.Series)
                    {
                        max = Math.Max(max, series.Values[c] ?? 0);
                    }
                }
            }

            if (chart.Target is { } target)
            {
                max = Math.Max(max, target.Value);
            }

            _ticks = ChartTicks.Nice(max, chart.Format == ChartValueFormat.Count);
            _axisMax = _ticks[^1];
        }

        private string TickLabel(double tick) => ChartTicks.Label(tick, _ticks[1] - _ticks[0], chart.Format);

        private string Tooltip(int series, int category, double value) =>
            $"{chart.Series[series].Name} – {chart.Categories[category]}: {ChartValues.Format(value, chart.Format)}";

        private double LeftAxisTitleWidth(string? title) => string.IsNullOrWhiteSpace(title) ? 0 : LineHeight(AxisTitleSize);

        private void LeftAxisTitle(string? title)
        {
            if (string.IsNullOrWhiteSpace(title))
            {
                return;
            }

            var line = Truncate(title.Trim(), AxisTitleSize, false, Math.Max(20, _plot.Height), measurer);
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
                var line = Truncate(title.Trim(), AxisTitleSize, false, width - 2 * Pad, measurer);
                Text(line, Math.Clamp(_plot.X + _plot.Width / 2, Pad + Measure(line, AxisTitleSize) / 2, width - Pad - Measure(line, AxisTitleSize) / 2), y, AxisTitleSize, ChartTextRole.AxisTitle, ChartTextAnchor.Middle, color: ChartPalette.MutedText);
            }
        }

        private void VerticalPlot()
        {
            var titleBaseline = BottomAxisTitle(chart.CategoryAxisTitle);
            var tickWidth = _ticks.Max(t => Measure(TickLabel(t), TickSize));
            var left = Pad + LeftAxisTitleWidth(chart.ValueAxisTitle) + tickWidth + 5;
            var right = width - Pad;
            var plotWidth = Math.Max(10, right - left);
            var band = CategoryCount == 0 ? plotWidth : plotWidth / CategoryCount;

            // Category labels: wrapped under their column in up to two lines of whole words; when a
            // label does not fit that way, all labels are turned 45° on one line, taking height instead.
            var labelWidth = Math.Max(4, band - 4);
            var fit = true;
            var wrapped = new List<List<string>>();
            foreach (var category in chart.Categories)
            {
                wrapped.Add(Wrap(category ?? "", LabelSize, false, labelWidth, 2, measurer, out var wholeWords));
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
                    rotated.Add(Truncate((chart.Categories[c] ?? "").Trim(), LabelSize, false, room, measurer));
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

            switch (chart.Kind)
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

            if (chart.Target is { } target)
            {
                var y = Y(target.Value);
                _elements.Add(new ChartLine(new ChartPoint(_plot.X, y), new ChartPoint(_plot.Right, y), ChartPalette.Target, 1.2, ChartLineRole.Target) { Dashed = true });
                var label = Truncate(target.Label, TickSize, true, _plot.Width, measurer);
                var above = y - _plot.Y >= LineHeight(TickSize);
                Text(label, _plot.Right - 2, above ? y - 3 : y + Ascent(TickSize) + 2, TickSize, ChartTextRole.TargetLabel, ChartTextAnchor.End, bold: true, color: ChartPalette.Target);
            }

            LeftAxisTitle(chart.ValueAxisTitle);
            DrawBottomAxisTitle(chart.CategoryAxisTitle, titleBaseline);
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

        private void GroupedBars(double band, Func<double, double> y)
        {
            var n = chart.Series.Count;
            var group = band * (n == 1 ? 0.65 : 0.8);
            var barWidth = Math.Min(group / n, 56);
            group = barWidth * n;
            for (var c = 0; c < CategoryCount; c++)
            {
                var x0 = _plot.X + band * (c + 0.5) - group / 2;
                for (var s = 0; s < n; s++)
                {
                    var x = x0 + s * barWidth;
                    if (chart.Series[s].Values[c] is not { } value)
                    {
                        MissingMark(x + barWidth / 2, _plot.Bottom - 3, ChartTextAnchor.Middle);
                        continue;
                    }

                    var top = y(value);
                    var gap = n > 1 ? Math.Min(1, barWidth * 0.1) : 0;
                    _elements.Add(new ChartRect(new ChartBox(x + gap / 2, top, barWidth - gap, _plot.Bottom - top), ChartPalette.Series(s)) { Datum = new ChartDatum(s, c, value, Tooltip(s, c, value)) });
                    if (chart.ShowValues)
                    {
                        var label = ChartValues.Format(value, chart.Format);
                        if (Measure(label, TickSize) <= barWidth + 2 && top - _plot.Y >= TickSize)
                        {
                            ValueLabel(label, x + barWidth / 2, top - 3, TickSize, ChartTextAnchor.Middle);
                        }
                    }
                }
            }
        }

        private void StackedBars(double band, Func<double, double> y)
        {
            var barWidth = Math.Min(band * 0.65, 64);
            for (var c = 0; c < CategoryCount; c++)
            {
                var x = _plot.X + band * (c + 0.5) - barWidth / 2;
                var sum = 0.0;
                var drawn = false;
                for (var s = 0; s < chart.Series.Count; s++)
                {
                    if (chart.Series[s].Values[c] is not { } value)
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

        private void Lines(double band, Func<double, double> y)
        {
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var color = ChartPalette.Series(s);
                var segment = new List<ChartPoint>();
                var markers = new List<ChartCircle>();
                void Flush()
                {
                    if (segment.Count > 1)
                    {
                        _elements.Add(new ChartPolyline(segment.ToArray(), color, 2, s));
                    }

                    segment.Clear();
                }

                for (var c = 0; c < CategoryCount; c++)
                {
                    if (chart.Series[s].Values[c] is not { } value)
                    {
                        Flush();
                        continue;
                    }

                    var point = new ChartPoint(_plot.X + band * (c + 0.5), y(value));
                    segment.Add(point);
                    markers.Add(new ChartCircle(point, 3, color, new ChartDatum(s, c, value, Tooltip(s, c, value))));
                }

                Flush();
                _elements.AddRange(markers);
            }
        }

        private void HorizontalPlot()
        {
            var titleBaseline = BottomAxisTitle(chart.ValueAxisTitle);
            var tickBottom = _bottom - 3 - LineHeight(TickSize);
            var plotTop = _top + (chart.Target is null ? 2 : LineHeight(TickSize));
            var plotHeight = Math.Max(10, tickBottom - plotTop);
            var band = CategoryCount == 0 ? plotHeight : plotHeight / CategoryCount;

            // Row labels sit left of the bars, in up to two lines when the rows are tall enough,
            // in a column at most 35% of the width; rows too low for the label size get smaller
            // text (down to a size still legible in print) rather than overlapping labels.
            var rowSize = Math.Clamp(band / 1.45, 6.5, LabelSize);
            var valueSize = Math.Min(TickSize, rowSize);
            var maxLines = band >= 2 * LineHeight(rowSize) + 2 ? 2 : 1;
            var leftTitle = LeftAxisTitleWidth(chart.CategoryAxisTitle);
            var column = Math.Max(30, width * 0.35 - leftTitle);
            var labels = chart.Categories.Select(c => Wrap(c ?? "", rowSize, false, column, maxLines, measurer)).ToList();
            var labelWidth = labels.Count == 0 ? 0 : labels.Max(lines => lines.Count == 0 ? 0 : lines.Max(l => Measure(l, rowSize)));
            var left = Pad + leftTitle + labelWidth + 6;
            var lastTick = Measure(TickLabel(_ticks[^1]), TickSize);
            var right = width - Pad - lastTick / 2;
            if (chart.ShowValues)
            {
                right = Math.Min(right, width - Pad - Measure(ChartValues.Format(_axisMax, chart.Format), valueSize) - 4);
            }

            _plot = new ChartBox(left, plotTop, Math.Max(10, right - left), plotHeight);
            double X(double v) => _plot.X + v / _axisMax * _plot.Width;

            Gridlines(X, vertical: false);

            var n = chart.Series.Count;
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
                    if (chart.Series[s].Values[c] is not { } value)
                    {
                        MissingMark(_plot.X + 3, y + barHeight / 2 + rowSize * 0.35, ChartTextAnchor.Start, rowSize);
                        continue;
                    }

                    var gap = n > 1 ? Math.Min(1, barHeight * 0.1) : 0;
                    var end = X(value);
                    _elements.Add(new ChartRect(new ChartBox(_plot.X, y + gap / 2, end - _plot.X, barHeight - gap), ChartPalette.Series(s)) { Datum = new ChartDatum(s, c, value, Tooltip(s, c, value)) });
                    if (chart.ShowValues && barHeight >= valueSize * 0.8)
                    {
                        ValueLabel(ChartValues.Format(value, chart.Format), end + 3, y + barHeight / 2 + valueSize * 0.35, valueSize, ChartTextAnchor.Start);
                    }
                }
            }

            _elements.Add(new ChartLine(new ChartPoint(_plot.X, _plot.Y), new ChartPoint(_plot.X, _plot.Bottom), ChartPalette.Axis, 1, ChartLineRole.Axis));

            if (chart.Target is { } target)
            {
                var x = X(target.Value);
                _elements.Add(new ChartLine(new ChartPoint(x, _plot.Y - 2), new ChartPoint(x, _plot.Bottom), ChartPalette.Target, 1.2, ChartLineRole.Target) { Dashed = true });
                var label = Truncate(target.Label, TickSize, true, width - 2 * Pad, measurer);
                var half = Measure(label, TickSize, true) / 2;
                Text(label, Math.Clamp(x, Pad + half, width - Pad - half), _plot.Y - 5, TickSize, ChartTextRole.TargetLabel, ChartTextAnchor.Middle, bold: true, color: ChartPalette.Target);
            }

            LeftAxisTitle(chart.CategoryAxisTitle);
            DrawBottomAxisTitle(chart.ValueAxisTitle, titleBaseline);
        }
    }
}
