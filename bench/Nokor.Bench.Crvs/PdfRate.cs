using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Signing;

namespace Nokor.Bench.Crvs;

/// <summary>
/// The certificate renderer alone, in process (no HTTP, no database): the module's
/// <see cref="ICertificateRenderer"/> for
/// birth certificates built from the plan's births, with a real signed token in the QR code
/// (a throw-away key ring), single-threaded and on several threads.
/// </summary>
internal static class PdfRate
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var count = options.Int("count", 500);
        var threads = options.Ints("threads", "1,2");
        var plan = await BenchPlan.ReadAsync(options.String("state", "/tmp/nokor-crvs-bench"));
        var keys = Path.Combine(Path.GetTempPath(), "nokor-crvs-bench-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var ring = new SigningKeyRing(keys);
            await using var services = Setup.BuildServices();
            var renderer = services.GetRequiredService<ICertificateRenderer>();
            var contents = plan.Births.Take(count).Select((b, i) => Content(b, i, ring, renderer)).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"certificate PDF in process: {contents.Length} birth certificates (ICertificateRenderer.Render); {Environment.ProcessorCount} cores, nothing else of the benchmark running"));

            // Warm-up: fonts, shaping caches, JIT.
            foreach (var c in contents.Take(20))
            {
                renderer.Render(c);
            }

            foreach (var t in threads)
            {
                ct.ThrowIfCancellationRequested();
                long bytes = 0;
                var watch = Stopwatch.StartNew();
                Parallel.For(0, contents.Length, new ParallelOptions { MaxDegreeOfParallelism = t, CancellationToken = ct },
                    i => Interlocked.Add(ref bytes, renderer.Render(contents[i]).Length));
                watch.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {t} thread{(t == 1 ? "" : "s")}: {contents.Length / watch.Elapsed.TotalSeconds:F1} PDFs/s " +
                    $"({watch.Elapsed.TotalMilliseconds * t / contents.Length:F1} ms of a thread per PDF, {bytes / contents.Length / 1024.0:F0} KiB per PDF)"));
            }
        }
        finally
        {
            if (Directory.Exists(keys))
            {
                Directory.Delete(keys, recursive: true);
            }
        }

        return 0;
    }

    private static CertificateContent Content(PlannedBirth b, int i, SigningKeyRing ring, ICertificateRenderer renderer)
    {
        var born = DateOnly.ParseExact(b.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var issued = DateTimeOffset.UtcNow;
        var number = string.Create(CultureInfo.InvariantCulture, $"B{b.Commune}-{issued.Year}-{i + 1:D6}");
        var serial = number + "/1";
        var kidc = b.MotherKidc; // stands in for the child's code: same shape, printed the same way
        var token = renderer.Sign(new SignedCertificate("B", number, 1, serial, kidc,
            $"{b.SurnameKm} {b.GivenNameKm}", $"{b.SurnameLatin} {b.GivenNameLatin}", b.BirthDate, issued), ring);
        var male = b.Sex == "Male";
        return new CertificateContent
        {
            Kind = CertificateKind.Birth,
            RegistrationNumber = number,
            RegistrationVersion = 1,
            Kidc = kidc,
            SurnameKm = b.SurnameKm,
            GivenNameKm = b.GivenNameKm,
            SurnameLatin = b.SurnameLatin,
            GivenNameLatin = b.GivenNameLatin,
            SexKm = male ? "ប្រុស" : "ស្រី",
            SexEn = male ? "Male" : "Female",
            EventDate = born,
            EventTime = b.BirthTime,
            PlaceKm = "មណ្ឌលសុខភាព ឃុំ" + b.Commune + ", ស្រុកកណ្តាលស្ទឹង, ខេត្តកណ្តាល",
            PlaceLatin = "Health centre " + b.Commune + ", Kandal Stueng, Kandal",
            MotherNameKm = "ម្តាយ " + b.SurnameKm,
            MotherNameLatin = "Mother " + b.SurnameLatin,
            MotherKidc = b.MotherKidc,
            FatherNameKm = b.SurnameKm + " " + b.GivenNameKm,
            FatherNameLatin = b.SurnameLatin + " " + b.GivenNameLatin,
            FatherKidc = b.FatherKidc,
            BirthTypeKm = b.BirthType == "Twin" ? "ភ្លោះ" : null,
            BirthTypeEn = b.BirthType == "Twin" ? "Twin" : null,
            RegisteringOfficeKm = "ការិយាល័យអត្រានុកូលដ្ឋាន ឃុំ" + b.Commune,
            RegisteringOfficeLatin = "Civil registration office, commune " + b.Commune,
            RegistrarName = "Bench senior registrar",
            RegisteredOn = born.AddDays(3),
            IssuedAt = issued,
            CertificateSerial = serial,
            SignedToken = token,
            VerificationUrl = "http://localhost:5000/verify/qr?t=" + Uri.EscapeDataString(token),
        };
    }
}
