using System.Globalization;
using System.Text;
using Nokor.Platform.Khmer;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Nokor.Platform.Pdf;

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>Size in points, weight and colour of a piece of text.</summary>
public sealed record TextStyle(float Size, bool Bold = false)
{
    public SKColor Color { get; init; } = SKColors.Black;
}

/// <summary>One single-font run of shaped text: glyph ids and pen positions, with the source text and clusters.</summary>
public sealed class ShapedRun
{
    internal ShapedRun(SKTypeface typeface, float size, ushort[] glyphs, SKPoint[] positions, byte[] utf8, uint[] clusters)
    {
        Typeface = typeface;
        Size = size;
        Glyphs = glyphs;
        Positions = positions;
        Utf8 = utf8;
        Clusters = clusters;
    }

    public SKTypeface Typeface { get; }

    public float Size { get; }

    /// <summary>Glyph ids in the typeface, in visual order.</summary>
    public IReadOnlyList<ushort> Glyphs { get; }

    /// <summary>Pen position of each glyph relative to the start of the line (y grows downwards).</summary>
    public IReadOnlyList<SKPoint> Positions { get; }

    /// <summary>The run's text as UTF-8.</summary>
    public IReadOnlyList<byte> Utf8 { get; }

    /// <summary>For each glyph, the UTF-8 offset in <see cref="Utf8"/> of the cluster it belongs to.</summary>
    public IReadOnlyList<uint> Clusters { get; }
}

/// <summary>A line of text after font selection and HarfBuzz shaping.</summary>
public sealed class ShapedText
{
    internal ShapedText(string text, float width, IReadOnlyList<ShapedRun> runs)
    {
        Text = text;
        Width = width;
        Runs = runs;
    }

    public string Text { get; }

    /// <summary>Advance width in points.</summary>
    public float Width { get; }

    public IReadOnlyList<ShapedRun> Runs { get; }

    /// <summary>
    /// A text blob with the glyphs at their shaped positions. Each run carries its text and
    /// clusters, so the PDF backend can write the original characters for every cluster
    /// (<c>/ActualText</c>): text extraction and search give back the Khmer as typed, even where
    /// the font draws a cluster with glyphs that map to no character. Null for empty text.
    /// </summary>
    public SKTextBlob? CreateBlob() => CreateBlob(null);

    /// <summary>As <see cref="CreateBlob()"/>, drawing each run with <paramref name="drawTypefaces"/>[typeface] when given (a subset with the same glyph ids).</summary>
    internal SKTextBlob? CreateBlob(IReadOnlyDictionary<SKTypeface, SKTypeface>? drawTypefaces)
    {
        if (Runs.Count == 0)
        {
            return null;
        }

        using var builder = new SKTextBlobBuilder();
        foreach (var run in Runs)
        {
            var typeface = drawTypefaces is not null && drawTypefaces.TryGetValue(run.Typeface, out var substitute) ? substitute : run.Typeface;
            using var font = TextRenderer.CreateFont(typeface, run.Size);
            var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Count, run.Utf8.Count, null);
            var glyphs = buffer.Glyphs;
            var positions = buffer.Positions;
            var clusters = buffer.Clusters;
            for (var i = 0; i < run.Glyphs.Count; i++)
            {
                glyphs[i] = run.Glyphs[i];
                positions[i] = run.Positions[i];
                clusters[i] = run.Clusters[i];
            }

            var text = buffer.Text;
            for (var i = 0; i < run.Utf8.Count; i++)
            {
                text[i] = run.Utf8[i];
            }
        }

        return builder.Build();
    }
}

/// <summary>
/// Draws mixed Khmer and Latin text with correct shaping. The text is split into script runs
/// (Khmer characters in Noto Sans Khmer, the rest in Noto Sans; spaces, punctuation and marks stay
/// with the run they follow), each run is shaped by HarfBuzz, which places COENG subscripts,
/// pre-base vowels and other marks, and the result is drawn as positioned glyphs.
/// <para>Not thread-safe (the HarfBuzz shapers keep state): use one instance per document being drawn.</para>
/// </summary>
public sealed class TextRenderer : IDisposable
{
    private readonly Dictionary<SKTypeface, SKShaper> _shapers = [];
    private readonly GlyphUsage? _usage;
    private readonly IReadOnlyDictionary<SKTypeface, SKTypeface>? _drawTypefaces;

    public TextRenderer()
    {
    }

    /// <summary>A renderer that records the glyphs it draws, or draws with substitute (subset) typefaces.</summary>
    internal TextRenderer(GlyphUsage? usage, IReadOnlyDictionary<SKTypeface, SKTypeface>? drawTypefaces)
    {
        _usage = usage;
        _drawTypefaces = drawTypefaces;
    }

    /// <summary>Shapes one line of text (line breaks are drawn as spaces).</summary>
    public ShapedText Shape(string? text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        text = (text ?? "").Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        var runs = new List<ShapedRun>();
        var x = 0f;
        foreach (var (start, length, typeface) in SplitRuns(text, style.Bold))
        {
            var runText = text.Substring(start, length);
            using var font = CreateFont(typeface, style.Size);
            var result = ShaperFor(typeface).Shape(runText, x, 0, font);
            var glyphs = new ushort[result.Codepoints.Length];
            for (var i = 0; i < glyphs.Length; i++)
            {
                glyphs[i] = (ushort)result.Codepoints[i];
            }

            var clusters = ReferenceEquals(typeface, PdfFonts.Khmer(style.Bold)) ? WordClusters(runText, result.Clusters) : result.Clusters;
            runs.Add(new ShapedRun(typeface, style.Size, glyphs, result.Points, Encoding.UTF8.GetBytes(runText), clusters));
            x += result.Width;
        }

        return new ShapedText(text, x, runs);
    }

    /// <summary>Advance width of one line of text, in points.</summary>
    public float Measure(string? text, TextStyle style) => Shape(text, style).Width;

    /// <summary>Distance from the top of a line to its baseline: the taller ascent of the two fonts.</summary>
    public float Ascent(TextStyle style) => Metrics(style, m => -m.Ascent);

    /// <summary>Distance between baselines of consecutive lines.</summary>
    public float LineHeight(TextStyle style) => Metrics(style, m => m.Descent - m.Ascent + m.Leading);

    /// <summary>Draws one line with its baseline at <paramref name="baseline"/>; returns its width.</summary>
    public float Draw(SKCanvas canvas, string? text, float x, float baseline, TextStyle style, TextAlign align = TextAlign.Left)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var shaped = Shape(text, style);
        _usage?.Record(shaped);
        using var blob = shaped.CreateBlob(_drawTypefaces);
        if (blob is null)
        {
            return 0;
        }

        var left = align switch
        {
            TextAlign.Center => x - shaped.Width / 2,
            TextAlign.Right => x - shaped.Width,
            _ => x,
        };
        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        canvas.DrawText(blob, left, baseline, paint);
        return shaped.Width;
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="maxWidth"/> (hard breaks at line feeds),
    /// each paragraph with the platform's one <see cref="LineBreaker"/>: lines break after spaces
    /// and at ZERO WIDTH SPACE (U+200B), which is how Khmer marks word boundaries since it writes no
    /// spaces between words; a word wider than the line is broken between clusters
    /// (<see cref="KhmerClusters"/>), never inside a base + COENG + subscript + vowel stack.
    /// </summary>
    public IReadOnlyList<string> Wrap(string? text, TextStyle style, float maxWidth)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, style, maxWidth, lines);
        }

        return lines;
    }

    public void Dispose()
    {
        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }

        _shapers.Clear();
    }

    internal static SKFont CreateFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.Antialias,
    };

    private void WrapParagraph(string paragraph, TextStyle style, float maxWidth, List<string> lines)
    {
        var broken = LineBreaker.Break(paragraph, line => Measure(line, style) <= maxWidth, out _);
        if (broken.Count == 0)
        {
            lines.Add("");
            return;
        }

        lines.AddRange(broken);
    }

    /// <summary>
    /// Widens HarfBuzz's clusters in Khmer runs to whole words (text between spaces). Skia's PDF
    /// backend writes one <c>/ActualText</c> span per multi-character cluster; with one span per
    /// syllable, text extractors such as pdftotext see gaps between spans where a stacked or
    /// ligated syllable is narrower than its advance and insert spaces inside words ("កំណើ ត").
    /// One span per word gives the word back exactly; spaces stay clusters of their own.
    /// </summary>
    internal static uint[] WordClusters(string text, uint[] clusters)
    {
        // UTF-8 offset of each UTF-16 index, and the offset of the word each index belongs to.
        var wordStartByOffset = new Dictionary<uint, uint>();
        uint offset = 0;
        uint wordStart = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var separator = char.IsWhiteSpace(c) || c == LineBreaker.ZeroWidthSpace;
            if (separator || !inWord)
            {
                wordStart = offset;
            }

            inWord = !separator;
            wordStartByOffset[offset] = wordStart;
            offset += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? 4u
                : c < 0x80 ? 1u : c < 0x800 ? 2u : 3u;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        var widened = new uint[clusters.Length];
        for (var i = 0; i < clusters.Length; i++)
        {
            widened[i] = wordStartByOffset.TryGetValue(clusters[i], out var start) ? start : clusters[i];
        }

        return widened;
    }

    private SKShaper ShaperFor(SKTypeface typeface)
    {
        if (!_shapers.TryGetValue(typeface, out var shaper))
        {
            shaper = new SKShaper(typeface);
            _shapers[typeface] = shaper;
        }

        return shaper;
    }

    private static float Metrics(TextStyle style, Func<SKFontMetrics, float> select)
    {
        using var khmer = CreateFont(PdfFonts.Khmer(style.Bold), style.Size);
        using var latin = CreateFont(PdfFonts.Latin(style.Bold), style.Size);
        return Math.Max(select(khmer.Metrics), select(latin.Metrics));
    }

    /// <summary>Font runs: (start, length, typeface) in string order, never splitting a surrogate pair.</summary>
    internal static List<(int Start, int Length, SKTypeface Typeface)> SplitRuns(string text, bool bold)
    {
        var khmer = PdfFonts.Khmer(bold);
        var latin = PdfFonts.Latin(bold);
        var units = new List<(int Start, int Length, int CodePoint, SKTypeface? Face)>();
        for (var i = 0; i < text.Length;)
        {
            // A lone surrogate decodes as U+FFFD and is drawn as such.
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            SKTypeface? face = null;
            if (rune.Value <= 0xFFFF && KhmerText.IsKhmer((char)rune.Value))
            {
                face = khmer;
            }
            else if (!IsNeutral(rune))
            {
                face = latin.ContainsGlyph(rune.Value) || !khmer.ContainsGlyph(rune.Value) ? latin : khmer;
            }

            units.Add((i, consumed, rune.Value, face));
            i += consumed;
        }

        // Neutral characters take the font of the run before them (the first run's font at the start),
        // unless that font has no glyph for them.
        var previous = units.FirstOrDefault(u => u.Face is not null).Face ?? latin;
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.Face is null)
            {
                var face = previous;
                if (!face.ContainsGlyph(unit.CodePoint))
                {
                    var other = ReferenceEquals(face, khmer) ? latin : khmer;
                    face = other.ContainsGlyph(unit.CodePoint) ? other : face;
                }

                units[i] = unit with { Face = face };
            }
            else
            {
                previous = unit.Face;
            }
        }

        var runs = new List<(int, int, SKTypeface)>();
        var runStart = 0;
        for (var i = 1; i <= units.Count; i++)
        {
            if (i == units.Count || !ReferenceEquals(units[i].Face, units[runStart].Face))
            {
                var start = units[runStart].Start;
                var end = units[i - 1].Start + units[i - 1].Length;
                runs.Add((start, end - start, units[runStart].Face!));
                runStart = i;
            }
        }

        return runs;
    }

    private static bool IsNeutral(Rune rune)
    {
        if (rune.Value is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF)
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.SpaceSeparator
            or UnicodeCategory.Control
            or UnicodeCategory.Format
            or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.OtherPunctuation
            or UnicodeCategory.MathSymbol
            or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherSymbol;
    }
}

/// <summary>The glyphs and characters drawn with each typeface, to subset the fonts a PDF embeds.</summary>
internal sealed class GlyphUsage
{
    private readonly Dictionary<SKTypeface, (HashSet<ushort> Glyphs, HashSet<int> CodePoints)> _byTypeface = new(ReferenceEqualityComparer.Instance);

    public void Record(ShapedText text)
    {
        foreach (var run in text.Runs)
        {
            if (!_byTypeface.TryGetValue(run.Typeface, out var used))
            {
                used = ([], []);
                _byTypeface[run.Typeface] = used;
            }

            used.Glyphs.UnionWith(run.Glyphs);
            foreach (var rune in Encoding.UTF8.GetString(run.Utf8.ToArray()).EnumerateRunes())
            {
                used.CodePoints.Add(rune.Value);
            }
        }
    }

    /// <summary>
    /// A subset typeface for every bundled typeface used (the caller disposes them); typefaces that
    /// cannot be subset are left out, and are then embedded whole.
    /// </summary>
    public Dictionary<SKTypeface, SKTypeface> CreateSubsets()
    {
        var subsets = new Dictionary<SKTypeface, SKTypeface>(ReferenceEqualityComparer.Instance);
        foreach (var (typeface, used) in _byTypeface)
        {
            if (PdfFonts.FileOf(typeface) is { } file && FontSubsetter.TrySubsetTypeface(file, used.Glyphs, used.CodePoints) is { } subset)
            {
                subsets[typeface] = subset;
            }
        }

        return subsets;
    }
}
