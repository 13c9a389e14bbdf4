using Nokor.Platform.Charts;

namespace Nokor.Platform.Tests.Charts;

public sealed class ChartTicksTests
{
    [Theory]
    [InlineData(347, true, new double[] { 0, 100, 200, 300, 400 })]
    [InlineData(300, true, new double[] { 0, 100, 200, 300 })]
    [InlineData(92.4, false, new double[] { 0, 20, 40, 60, 80, 100 })]
    [InlineData(3, true, new double[] { 0, 1, 2, 3 })]
    [InlineData(0.7, false, new double[] { 0, 0.2, 0.4, 0.6, 0.8 })]
    [InlineData(0.6, false, new double[] { 0, 0.2, 0.4, 0.6 })]
    [InlineData(12_345, true, new double[] { 0, 5_000, 10_000, 15_000 })]
    [InlineData(0, true, new double[] { 0, 1 })]
    [InlineData(0, false, new double[] { 0, 1 })]
    public void Ticks_are_round_steps_from_zero_to_the_first_at_or_above_the_max(double max, bool integers, double[] expected)
    {
        Assert.Equal(expected, ChartTicks.Nice(max, integers));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(347)]
    [InlineData(999)]
    [InlineData(1001)]
    [InlineData(0.03)]
    [InlineData(123_456_789)]
    public void Steps_are_one_two_or_five_times_a_power_of_ten_and_cover_the_max(double max)
    {
        var ticks = ChartTicks.Nice(max, integers: false);

        var step = ticks[1] - ticks[0];
        var mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
        Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
        Assert.True(ticks[^1] >= max);
        Assert.True(ticks[^1] - step < max);
        Assert.InRange(ticks.Count - 1, 2, 5);
    }

    [Theory]
    [InlineData(20, 20, ChartValueFormat.Percent, "20%")]
    [InlineData(0.4, 0.2, ChartValueFormat.Rate, "0.4")]
    [InlineData(15_000, 5_000, ChartValueFormat.Count, "15,000")]
    public void Tick_labels_have_the_decimals_the_step_needs(double tick, double step, ChartValueFormat format, string expected)
    {
        Assert.Equal(expected, ChartTicks.Label(tick, step, format));
    }

    [Theory]
    [InlineData(1234.4, ChartValueFormat.Count, "1,234")]
    [InlineData(87.25, ChartValueFormat.Percent, "87.3%")]
    [InlineData(12, ChartValueFormat.Rate, "12.0")]
    public void Values_are_written_in_the_invariant_culture(double value, ChartValueFormat format, string expected)
    {
        Assert.Equal(expected, ChartValues.Format(value, format));
    }
}
