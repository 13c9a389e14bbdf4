using System.Text;

namespace Nokor.Legislation.Bills;

/// <summary>Recognises a stage document by its content, never by the name or type the client claims.</summary>
internal static class DocumentTypes
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        if (content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return "image/jpeg";
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            return null;
        }

        return text.TrimStart('\uFEFF', ' ', '\n', '\r', '\t').StartsWith('<') ? "application/akn+xml" : "text/plain; charset=utf-8";
    }
}
