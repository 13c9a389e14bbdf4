using System.Diagnostics;
using System.Text;

namespace Nokor.CivilRegistration.Tests.Certificates;

/// <summary>
/// Text extraction with poppler's pdftotext, an independent reader of the certificate PDF. CI
/// installs it (Debian package poppler-utils); without it the tests fail, not skip.
/// </summary>
internal static class Pdftotext
{
    public static string Extract(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), "nokor-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext")
            {
                ArgumentList = { "-enc", "UTF-8", path, "-" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Fail("pdftotext is not on PATH: install poppler-utils (Debian: apt-get install poppler-utils) to run the certificate text tests.");
                throw;
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(30_000))
                {
                    process.Kill();
                    Assert.Fail("pdftotext did not finish within 30 s.");
                }

                Assert.True(process.ExitCode == 0, $"pdftotext failed ({process.ExitCode}): {error.Result}");
                return output.Result.Normalize(NormalizationForm.FormC);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
