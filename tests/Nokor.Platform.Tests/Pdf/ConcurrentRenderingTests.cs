using System.Text;
using Nokor.Platform.Pdf;

namespace Nokor.Platform.Tests.Pdf;

/// <summary>
/// The web host renders certificates for concurrent requests. Font subsetting once handed
/// HarfBuzz memory owned by the managed side and crashed the whole process (SIGSEGV) when two
/// documents were rendered at once; a crash here fails the run.
/// </summary>
public sealed class ConcurrentRenderingTests
{
    [Fact]
    public async Task Many_documents_render_at_once_without_crashing_and_each_is_complete()
    {
        static byte[] Render(int i) =>
            new PdfDocumentBuilder(new PdfDocumentInfo($"Concurrent {i}") { Keywords = $"doc-{i}" })
                .AddPage(page =>
                {
                    page.DrawText($"សំបុត្រកំណើត លេខ {i} / Birth certificate {i}", PageCanvas.Mm(20), PageCanvas.Mm(30), new TextStyle(14, Bold: true));
                    page.DrawParagraph("ព្រះរាជាណាចក្រកម្ពុជា ជាតិ សាសនា ព្រះមហាក្សត្រ ស្ត្រី ក្រុង ភ្នំពេញ " + new string('ក', i % 7 + 1),
                        PageCanvas.Mm(20), PageCanvas.Mm(40), PageCanvas.Mm(170), new TextStyle(11));
                    page.DrawQrCode($"https://example.test/verify?t={i}", PageCanvas.Mm(150), PageCanvas.Mm(200), PageCanvas.Mm(35));
                })
                .ToPdf();

        var pdfs = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Task.Run(() => (i, Render(i)))));
        foreach (var (i, pdf) in pdfs)
        {
            Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
            Assert.True(PdfReader.TryReadKeywords(pdf, out var keywords));
            Assert.Equal($"doc-{i}", keywords);
        }
    }
}
