using Nokor.Platform.Khmer;
using Nokor.Platform.Pdf;

namespace Nokor.Platform.Charts;

/// <summary>
/// Measures text for <see cref="ChartLayout"/>. Layout only needs advance widths; keeping the
/// measuring behind an interface lets the same layout serve PDF (real shaping), SVG (where the
/// browser shapes, so an estimate is all there is) and tests (fixed widths).
/// </summary>
public interface IChartTextMeasurer
{
    /// <summary>Advance width of one line of <paramref name="text"/> at <paramref name="size"/> units.</summary>
    double Width(string text, double size, bool bold);
}

/// <summary>
/// An estimate of text width for SVG, where the browser picks the font and shapes the text, so
/// the layout cannot know exact widths. Latin characters are counted by class (narrow, wide,
/// capitals, digits) as in Noto Sans; Khmer is counted per cluster (a base with its subscripts
/// and vowels takes one advance, <see cref="KhmerClusters"/>). Estimates err on the wide side so
/// that labels fit even in a wider fallback font.
/// </summary>
public sealed class ApproximateTextMeasurer : IChartTextMeasurer
{
    public static ApproximateTextMeasurer Instance { get; } = new();

    public double Width(string text, double size, bool bold)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ems = 0.0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (KhmerText.IsBase(c))
            {
                var length = KhmerClusters.Length(text.AsSpan(i));
                ems += KhmerClusterEms(text.AsSpan(i, length));
                i += length;
                continue;
            }

            ems += CharEms(c);
            i += char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
        }

        // 5% more than Noto Sans (Khmer) measures, as a browser may fall back to a wider font.
        return ems * size * (bold ? 1.07 : 1.0) * 1.05;
    }

    private static double KhmerClusterEms(ReadOnlySpan<char> cluster)
    {
        // Advances measured in Noto Sans Khmer: most bases are 0.64 em, some wider or narrower;
        // vowels written after the base (ា, ោ, ៅ) or before it (េ, ែ, ៃ), REAHMUK and the
        // subscripts RO (drawn before the base) and SA (beside it) add their own advance; every
        // other mark sits above or below and adds none.
        var ems = cluster[0] switch
        {
            'ឈ' or 'ណ' => 1.25,
            'ឃ' or 'ញ' or 'ឍ' or 'យ' or 'ល' or 'ស' or 'ហ' or 'ឤ' or 'ឦ' => 0.93,
            'ឡ' => 0.85,
            'រ' or 'វ' => 0.33,
            _ => 0.64,
        };
        for (var i = 1; i < cluster.Length; i++)
        {
            ems += cluster[i] switch
            {
                '\u17B6' or '\u17C1' or '\u17C2' or '\u17C3' => 0.29,
                '\u17C4' or '\u17C5' => 0.57,
                '\u17C7' or '\u17C8' => 0.39,
                '\u17D2' when i + 1 < cluster.Length && cluster[i + 1] is '\u179A' or '\u179F' => 0.3,
                _ => 0,
            };
        }

        return ems;
    }

    private static double CharEms(char c) => c switch
    {
        ' ' or '\u00A0' => 0.26,
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => 0,
        >= '\u17B4' and <= '\u17DD' => 0.1,
        >= '\u17E0' and <= '\u17E9' => 0.78,
        >= '\u1780' and <= '\u17FF' => 0.6,
        'i' or 'j' or 'l' or 'I' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' => 0.26,
        'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '-' or '/' => 0.36,
        'm' or 'w' => 0.86,
        'M' or 'W' => 0.92,
        '%' => 0.84,
        '…' => 0.9,
        >= '0' and <= '9' => 0.572,
        >= 'A' and <= 'Z' => 0.64,
        >= 'a' and <= 'z' => 0.55,
        _ => 0.6,
    };
}

/// <summary>
/// Exact widths for PDF: measures with the same HarfBuzz shaping and bundled fonts that
/// <see cref="PageCanvas.DrawText"/> draws with, so labels are placed where they will be drawn.
/// </summary>
public sealed class PdfChartTextMeasurer(TextRenderer renderer) : IChartTextMeasurer
{
    private readonly TextRenderer _renderer = renderer ?? throw new ArgumentNullException(nameof(renderer));

    public double Width(string text, double size, bool bold) => _renderer.Measure(text, new TextStyle((float)size, bold));
}
