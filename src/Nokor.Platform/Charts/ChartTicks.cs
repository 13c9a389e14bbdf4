using System.Globalization;

namespace Nokor.Platform.Charts;

/// <summary>
/// Value axis ticks at "nice" steps (1, 2 or 5 × 10ⁿ), starting at zero: readers compare bar
/// lengths, so the axis always starts at zero, and round steps make the gridlines readable.
/// </summary>
public static class ChartTicks
{
    /// <summary>
    /// Ticks from 0 to the first step at or above <paramref name="max"/>, at most
    /// <paramref name="maxIntervals"/> intervals. With <paramref name="integers"/> the step is at
    /// least 1 (counts have no fractions). A max of zero or less (no data) gives 0 and 1.
    /// </summary>
    public static IReadOnlyList<double> Nice(double max, bool integers, int maxIntervals = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIntervals, 1);
        if (double.IsNaN(max) || max <= 0)
        {
            return [0, 1];
        }

        var step = Step(max / maxIntervals);
        if (integers && step < 1)
        {
            step = 1;
        }

        var decimals = Decimals(step);
        var count = (int)Math.Ceiling(max / step - 1e-9);
        var ticks = new double[count + 1];
        for (var i = 0; i <= count; i++)
        {
            ticks[i] = Math.Round(i * step, decimals);
        }

        return ticks;
    }

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above <paramref name="raw"/>.</summary>
    internal static double Step(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var residual = raw / magnitude;
        var nice = residual <= 1 + 1e-9 ? 1 : residual <= 2 + 1e-9 ? 2 : residual <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>Decimals needed to write multiples of <paramref name="step"/> exactly.</summary>
    internal static int Decimals(double step) => step >= 1 ? 0 : Math.Min(15, (int)Math.Ceiling(-Math.Log10(step) - 1e-9));

    /// <summary>A tick label: as many decimals as the step needs, with the format's unit.</summary>
    internal static string Label(double tick, double step, ChartValueFormat format)
    {
        var decimals = format == ChartValueFormat.Count ? 0 : Decimals(step);
        var text = tick.ToString("#,0" + (decimals > 0 ? "." + new string('0', decimals) : ""), CultureInfo.InvariantCulture);
        return format == ChartValueFormat.Percent ? text + "%" : text;
    }
}

/// <summary>Writes values the same way in tooltips, value labels and descriptions (invariant culture).</summary>
public static class ChartValues
{
    public static string Format(double value, ChartValueFormat format) => format switch
    {
        ChartValueFormat.Count => Math.Round(value).ToString("#,0", CultureInfo.InvariantCulture),
        ChartValueFormat.Percent => value.ToString("#,0.0", CultureInfo.InvariantCulture) + "%",
        ChartValueFormat.Rate => value.ToString("#,0.0", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
