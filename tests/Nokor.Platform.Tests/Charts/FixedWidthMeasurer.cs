using Nokor.Platform.Charts;

namespace Nokor.Platform.Tests.Charts;

/// <summary>Every character half an em wide: layout tests that do not depend on fonts.</summary>
internal sealed class FixedWidthMeasurer : IChartTextMeasurer
{
    public static FixedWidthMeasurer Instance { get; } = new();

    public double Width(string text, double size, bool bold) => text.Length * size * 0.5;
}
