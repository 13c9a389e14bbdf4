using SkiaSharp;

namespace Nokor.Platform.Pdf;

/// <summary>
/// The fonts bundled in this assembly (Noto Sans Khmer and Noto Sans, regular and bold; SIL OFL 1.1,
/// see <c>Pdf/Fonts/NOTICE.md</c>), so documents render the same everywhere without system fonts.
/// Loaded once per process; <see cref="SKTypeface"/> is safe to share between threads.
/// </summary>
public static class PdfFonts
{
    private const string ResourcePrefix = "Nokor.Platform.Pdf.Fonts.";

    private static readonly Lazy<BundledFont> s_khmerRegular = new(() => Load("NotoSansKhmer-Regular.ttf"));
    private static readonly Lazy<BundledFont> s_khmerBold = new(() => Load("NotoSansKhmer-Bold.ttf"));
    private static readonly Lazy<BundledFont> s_latinRegular = new(() => Load("NotoSans-Regular.ttf"));
    private static readonly Lazy<BundledFont> s_latinBold = new(() => Load("NotoSans-Bold.ttf"));

    public static SKTypeface KhmerRegular => s_khmerRegular.Value.Typeface;

    public static SKTypeface KhmerBold => s_khmerBold.Value.Typeface;

    public static SKTypeface LatinRegular => s_latinRegular.Value.Typeface;

    public static SKTypeface LatinBold => s_latinBold.Value.Typeface;

    public static SKTypeface Khmer(bool bold) => bold ? KhmerBold : KhmerRegular;

    public static SKTypeface Latin(bool bold) => bold ? LatinBold : LatinRegular;

    /// <summary>The font file of a bundled typeface (for subsetting), or null for any other typeface.</summary>
    internal static byte[]? FileOf(SKTypeface typeface)
    {
        foreach (var font in new[] { s_khmerRegular, s_khmerBold, s_latinRegular, s_latinBold })
        {
            if (font.IsValueCreated && ReferenceEquals(font.Value.Typeface, typeface))
            {
                return font.Value.File;
            }
        }

        return null;
    }

    /// <summary>The SIL Open Font License text that must travel with the fonts.</summary>
    public static string License()
    {
        using var stream = OpenResource("OFL.txt");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static BundledFont Load(string fileName)
    {
        using var stream = OpenResource(fileName);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var file = buffer.ToArray();
        using var data = SKData.CreateCopy(file);
        var typeface = SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The bundled font {fileName} could not be loaded.");
        return new BundledFont(typeface, file);
    }

    private sealed record BundledFont(SKTypeface Typeface, byte[] File);

    private static Stream OpenResource(string fileName) =>
        typeof(PdfFonts).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
        ?? throw new InvalidOperationException($"The bundled resource {fileName} is missing from {typeof(PdfFonts).Assembly.GetName().Name}.");
}
