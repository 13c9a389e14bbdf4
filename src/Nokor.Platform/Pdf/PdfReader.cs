using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Core;

namespace Nokor.Platform.Pdf;

/// <summary>What <see cref="PdfReader"/> reads from a PDF: its document information and the visible text of each page.</summary>
public sealed record PdfContents(IReadOnlyDictionary<string, string> Info, IReadOnlyList<string> PageTexts)
{
    /// <summary>The Info dictionary's <c>/Keywords</c>, where <see cref="PdfDocumentBuilder"/> writes a signed token.</summary>
    public string? Keywords => Info.TryGetValue("Keywords", out var k) ? k : null;
}

/// <summary>
/// Reads a PDF with PdfPig: the document information (title, keywords, ...) and the text a reader
/// sees on each page. Text drawn by <see cref="PdfDocumentBuilder"/> carries <c>/ActualText</c> per
/// Khmer word (see <see cref="TextRenderer"/>), since the glyphs of stacked syllables map to no
/// character; the reader gives back that text in place of the glyphs, so Khmer extracts as typed.
/// <para>
/// Only visible text counts: letters drawn in the invisible rendering mode, in (near-)white, smaller
/// than 3 points or outside the page's crop box are left out, so a file cannot keep an original value
/// hidden on the page while showing another one. (Text covered by a later drawing is not detected.)
/// </para>
/// <para>
/// The input is untrusted: it is refused above <see cref="MaxBytes"/> or <see cref="MaxPages"/>, and
/// any failure of the parser is answered as "not readable" with a short reason, never an exception.
/// </para>
/// </summary>
public static class PdfReader
{
    /// <summary>The largest file read (a certificate is about 150 KB).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>The most pages whose text is read.</summary>
    public const int MaxPages = 20;

    private static readonly string[] s_infoKeys = ["Title", "Author", "Subject", "Keywords", "Creator", "Producer"];

    /// <summary>Reads the document information and the visible text of every page; false with a one-line reason when the file cannot be read.</summary>
    public static bool TryRead(byte[] pdf, out PdfContents? contents, out string error)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        contents = null;
        if (HeaderProblem(pdf) is { } problem)
        {
            error = problem;
            return false;
        }

        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.IsEncrypted)
            {
                error = "the PDF is encrypted.";
                return false;
            }

            if (document.NumberOfPages is < 1 or > MaxPages)
            {
                error = $"the PDF has {document.NumberOfPages} pages (1 to {MaxPages} are read).";
                return false;
            }

            var info = ReadInfo(document);
            var pages = new List<string>(document.NumberOfPages);
            foreach (var page in document.GetPages())
            {
                pages.Add(VisibleText(page));
            }

            contents = new PdfContents(info, pages);
            error = "";
            return true;
        }
#pragma warning disable CA1031 // A parser of untrusted files: any of its failures means "not readable".
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            error = "the PDF cannot be read (" + ex.GetType().Name + ").";
            return false;
        }
    }

    /// <summary>What is wrong with the file before it is parsed (too large, not a PDF), or null.</summary>
    private static string? HeaderProblem(byte[] pdf) =>
        pdf.Length > MaxBytes ? $"the file is larger than {MaxBytes / (1024 * 1024)} MB."
        : pdf.Length < 8 || !pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8) ? "the file is not a PDF."
        : null;

    /// <summary>
    /// Whether the bytes are a PDF that PdfPig opens, unencrypted, with at least one page whose
    /// page tree and content parse (a scanned document received as evidence, of any page count up
    /// to <see cref="MaxBytes"/>); false with a one-line reason. The text is not read.
    /// </summary>
    public static bool TryOpen(byte[] pdf, out int pages, out string error)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        pages = 0;
        if (HeaderProblem(pdf) is { } problem)
        {
            error = problem;
            return false;
        }

        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.IsEncrypted)
            {
                error = "the PDF is encrypted.";
                return false;
            }

            if (document.NumberOfPages < 1)
            {
                error = "the PDF has no page.";
                return false;
            }

            for (var i = 1; i <= document.NumberOfPages; i++)
            {
                _ = document.GetPage(i).Width;
            }

            pages = document.NumberOfPages;
            error = "";
            return true;
        }
#pragma warning disable CA1031 // A parser of untrusted files: any of its failures means "not readable".
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            error = "the PDF cannot be read (" + ex.GetType().Name + ").";
            return false;
        }
    }

    /// <summary>The Info dictionary's <c>/Keywords</c>, or false when the file cannot be read or has none.</summary>
    public static bool TryReadKeywords(byte[] pdf, out string keywords) => TryReadInfoString(pdf, "Keywords", out keywords);

    /// <summary>One string entry of the Info dictionary (<c>Title</c>, <c>Author</c>, <c>Subject</c>, <c>Keywords</c>, <c>Creator</c>, <c>Producer</c>).</summary>
    public static bool TryReadInfoString(byte[] pdf, string key, out string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        value = "";
        if (!TryRead(pdf, out var contents, out _) || !contents!.Info.TryGetValue(key, out var found))
        {
            return false;
        }

        value = found;
        return true;
    }

    private static Dictionary<string, string> ReadInfo(PdfDocument document)
    {
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = document.Information;
        foreach (var key in s_infoKeys)
        {
            var value = key switch
            {
                "Title" => i.Title,
                "Author" => i.Author,
                "Subject" => i.Subject,
                "Keywords" => i.Keywords,
                "Creator" => i.Creator,
                _ => i.Producer,
            };
            if (value is not null)
            {
                info[key] = value;
            }
        }

        return info;
    }

    /// <summary>
    /// The page's visible letters in drawing order, each <c>/ActualText</c> span replaced by its
    /// text, a space where the pen jumps (a gap or a new line), normalised to NFC.
    /// </summary>
    internal static string VisibleText(Page page)
    {
        var spanOf = new Dictionary<Letter, MarkedContentElement>(ReferenceEqualityComparer.Instance);
        foreach (var element in Flatten(page.GetMarkedContents()))
        {
            if (element.ActualText is not null)
            {
                foreach (var letter in element.Letters)
                {
                    spanOf.TryAdd(letter, element);
                }
            }
        }

        var crop = page.CropBox.Bounds;
        var written = new HashSet<MarkedContentElement>(ReferenceEqualityComparer.Instance);
        var text = new StringBuilder(page.Letters.Count);
        Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            if (!IsVisible(letter, crop))
            {
                continue;
            }

            var span = spanOf.GetValueOrDefault(letter);
            if (span is not null && !written.Add(span))
            {
                // The rest of a span whose text is already written.
                previous = letter;
                continue;
            }

            if (previous is not null && IsBreak(previous, letter))
            {
                text.Append(' ');
            }

            previous = letter;
            text.Append(span?.ActualText ?? letter.Value);
        }

        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    private static IEnumerable<MarkedContentElement> Flatten(IEnumerable<MarkedContentElement> elements)
    {
        foreach (var element in elements)
        {
            yield return element;
            foreach (var child in Flatten(element.Children))
            {
                yield return child;
            }
        }
    }

    private static bool IsVisible(Letter letter, PdfRectangle crop)
    {
        if (letter.RenderingMode is TextRenderingMode.Neither or TextRenderingMode.NeitherClip || letter.PointSize < 3)
        {
            return false;
        }

        var box = letter.BoundingBox;
        if (box.Right < crop.Left || box.Left > crop.Right || box.Top < crop.Bottom || box.Bottom > crop.Top)
        {
            return false;
        }

        var (r, g, b) = letter.Color?.ToRGBValues() ?? (0, 0, 0);
        return r + g + b < 2.85;
    }

    private static bool IsBreak(Letter previous, Letter next)
    {
        var size = Math.Max(previous.PointSize, 1);
        return Math.Abs(next.StartBaseLine.Y - previous.StartBaseLine.Y) > size * 0.3 ||
               next.StartBaseLine.X - previous.EndBaseLine.X > size * 0.2 ||
               next.StartBaseLine.X < previous.StartBaseLine.X - size;
    }
}
