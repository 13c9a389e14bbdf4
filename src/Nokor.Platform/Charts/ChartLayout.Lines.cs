namespace Nokor.Platform.Charts;

public static partial class ChartLayout
{
    private sealed partial class Builder
    {
        /// <summary>One line per series through the column centres, broken where a value is missing, with a marker on every value.</summary>
        private void Lines(double band, Func<double, double> y)
        {
            for (var s = 0; s < _chart.Series.Count; s++)
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
                    if (_chart.Series[s].Values[c] is not { } value)
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
    }
}
