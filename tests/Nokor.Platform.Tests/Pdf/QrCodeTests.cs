using Nokor.Platform.Pdf;
using SkiaSharp;

namespace Nokor.Platform.Tests.Pdf;

public sealed class QrCodeTests
{
    private const string Content = "https://nokor.example.gov.kh/verify/qr?t=NKC1.QnwxMjAxMDEtMjAyNi0wMDAwNDJ8MQ.0123456789abcdef.AbCd";

    [Fact]
    public void The_matrix_is_a_qr_symbol_without_quiet_zone()
    {
        var modules = QrCode.Encode(Content);
        var size = modules.GetLength(0);

        Assert.Equal(size, modules.GetLength(1));
        Assert.Equal(0, (size - 17) % 4);
        Assert.True(size >= 21);
        // Finder pattern corners are dark, the separators beside them light.
        Assert.True(modules[0, 0] && modules[0, size - 1] && modules[size - 1, 0]);
        Assert.False(modules[7, 7]);
        Assert.False(modules[size - 1, size - 1] && modules[size - 2, size - 2] && modules[size - 3, size - 3] && modules[size - 4, size - 4]);
    }

    [Fact]
    public void The_drawn_code_matches_the_matrix_module_for_module()
    {
        var modules = QrCode.Encode(Content);
        var count = modules.GetLength(0);
        const float modulePoints = 4;
        var size = (count + 2 * QrCode.QuietZoneModules) * modulePoints;
        var builder = new PdfDocumentBuilder(new PdfDocumentInfo("QR"))
            .AddPage(page => page.DrawQrCode(Content, 10, 10, size), new SKSize(size + 20, size + 20));

        // 144 dpi: 8 pixels per module.
        using var bitmap = SKBitmap.Decode(builder.RenderPng(dpi: 144));
        const float scale = 2;
        for (var row = -QrCode.QuietZoneModules; row < count + QrCode.QuietZoneModules; row++)
        {
            for (var column = -QrCode.QuietZoneModules; column < count + QrCode.QuietZoneModules; column++)
            {
                var x = (int)((10 + (column + QrCode.QuietZoneModules + 0.5f) * modulePoints) * scale);
                var y = (int)((10 + (row + QrCode.QuietZoneModules + 0.5f) * modulePoints) * scale);
                var expectedDark = row >= 0 && column >= 0 && row < count && column < count && modules[row, column];
                Assert.True(expectedDark == bitmap.GetPixel(x, y).Red < 128, $"module ({row}, {column})");
            }
        }
    }

    [Fact]
    public void Empty_content_is_refused()
    {
        Assert.Throws<ArgumentException>(() => QrCode.Encode(""));
    }
}
