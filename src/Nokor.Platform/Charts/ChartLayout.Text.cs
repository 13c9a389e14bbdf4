using Nokor.Platform.Khmer;

namespace Nokor.Platform.Charts;

public static partial class ChartLayout
{
    /// <summary>
    /// Breaks text into at most <paramref name="maxLines"/> lines no wider than
    /// <paramref name="maxWidth"/>, at spaces and ZERO WIDTH SPACE (Khmer word boundaries), a word
    /// too wide for a line between clusters (the same <see cref="LineBreaker"/> as PDF text); what
    /// does not fit ends in an ellipsis.
    /// </summary>
    internal static List<string> Wrap(string text, double size, bool bold, double maxWidth, int maxLines, IChartTextMeasurer measurer) =>
        Wrap(text, size, bold, maxWidth, maxLines, measurer, out _);

    /// <summary>As the other overload; <c>wholeWords</c> is false when a word had to be broken or the text cut short.</summary>
    internal static List<string> Wrap(string text, double size, bool bold, double maxWidth, int maxLines, IChartTextMeasurer measurer, out bool wholeWords)
    {
        text = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();
        var lines = LineBreaker.Break(text, line => measurer.Width(line, size, bold) <= maxWidth, out wholeWords);
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

        var clusters = KhmerClusters.Bounds(text);
        for (var n = clusters.Count - 1; n > 0; n--)
        {
            var prefix = text[..(clusters[n - 1].Start + clusters[n - 1].Length)].TrimEnd(' ', LineBreaker.ZeroWidthSpace);
            if (measurer.Width(prefix + Ellipsis, size, bold) <= maxWidth)
            {
                return prefix + Ellipsis;
            }
        }

        return Ellipsis;
    }
}
