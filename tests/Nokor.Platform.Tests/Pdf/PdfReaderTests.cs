using Nokor.Platform.Pdf;
using SkiaSharp;

namespace Nokor.Platform.Tests.Pdf;

public sealed class PdfReaderTests
{
    [Fact]
    public void Page_text_gives_khmer_back_as_typed_and_leaves_out_what_no_one_sees()
    {
        var pdf = new PdfDocumentBuilder(new PdfDocumentInfo("Text") { Keywords = "NKC1.x" }).AddPage(page =>
        {
            page.DrawText("សំបុត្រកំណើត ព្រះរាជាណាចក្រកម្ពុជា", 40, 60, new TextStyle(14));
            page.DrawText("Visible 12345", 40, 90, new TextStyle(11));
            page.DrawText("White 67890", 40, 120, new TextStyle(11) { Color = SKColors.White });
            page.DrawText("Tiny 24680", 40, 150, new TextStyle(2));
            page.DrawText("Outside 13579", -400, 180, new TextStyle(11));
        }).ToPdf();

        Assert.True(PdfReader.TryRead(pdf, out var contents, out var error), error);
        var text = Assert.Single(contents!.PageTexts);
        Assert.Contains("សំបុត្រកំណើត ព្រះរាជាណាចក្រកម្ពុជា", text, StringComparison.Ordinal);
        Assert.Contains("Visible 12345", text, StringComparison.Ordinal);
        Assert.DoesNotContain("67890", text, StringComparison.Ordinal);
        Assert.DoesNotContain("24680", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13579", text, StringComparison.Ordinal);
        Assert.Equal("NKC1.x", contents.Keywords);
        Assert.Equal("Text", contents.Info["Title"]);
    }

    [Fact]
    public void Unreadable_pdfs_get_a_reason_not_an_exception()
    {
        Assert.False(PdfReader.TryRead(new byte[PdfReader.MaxBytes + 1], out _, out var tooLarge));
        Assert.Equal("the file is larger than 20 MB.", tooLarge);
        Assert.False(PdfReader.TryRead("%PDF-1.7\n%garbage\n"u8.ToArray(), out _, out var garbage));
        Assert.StartsWith("the PDF cannot be read", garbage, StringComparison.Ordinal);
        Assert.False(PdfReader.TryRead("GIF89a"u8.ToArray(), out _, out var notPdf));
        Assert.Equal("the file is not a PDF.", notPdf);
    }

    [Fact]
    public void A_drawn_qr_code_reads_back_from_a_png_and_a_file_without_one_says_so()
    {
        const string content = "https://nokor.example.gov.kh/verify/qr?t=NKC1.abc";
        var png = new PdfDocumentBuilder(new PdfDocumentInfo("QR")).AddPage(p => p.DrawQrCode(content, 100, 100, 150), new SKSize(400, 400)).RenderPng(dpi: 96);

        Assert.Equal(QrCodeReader.Failure.None, QrCodeReader.TryRead(png, out var text, out var error));
        Assert.Equal(content, text);
        Assert.Equal("", error);

        var blank = new PdfDocumentBuilder(new PdfDocumentInfo("blank")).AddPage(_ => { }, new SKSize(200, 200)).RenderPng(dpi: 72);
        Assert.Equal(QrCodeReader.Failure.NoCode, QrCodeReader.TryRead(blank, out _, out var none));
        Assert.Equal("no QR code was found in the image.", none);
        Assert.Equal(QrCodeReader.Failure.Unreadable, QrCodeReader.TryRead("%PDF-1.7"u8.ToArray(), out _, out var notImage));
        Assert.Equal("the file is not a PNG or JPEG image.", notImage);
    }

    [Fact]
    public void An_image_with_too_many_pixels_is_refused_before_it_is_decoded()
    {
        // A small PNG header claiming 10000 x 10000 pixels (a decompression bomb).
        using var surface = SKSurface.Create(new SKImageInfo(8, 8));
        using var snapshot = surface.Snapshot();
        var png = snapshot.Encode(SKEncodedImageFormat.Png, 100).ToArray();
        // IHDR width and height, big-endian, at bytes 16..23, and the chunk's CRC after them.
        png[16] = 0; png[17] = 0; png[18] = 0x27; png[19] = 0x10;
        png[20] = 0; png[21] = 0; png[22] = 0x27; png[23] = 0x10;
        var crc = Crc32(png.AsSpan(12, 17));
        png[29] = (byte)(crc >> 24); png[30] = (byte)(crc >> 16); png[31] = (byte)(crc >> 8); png[32] = (byte)crc;

        Assert.Equal(QrCodeReader.Failure.Unreadable, QrCodeReader.TryRead(png, out _, out var error));
        Assert.Equal("the image has more than 40 megapixels.", error);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
