using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;

namespace Nokor.Cli.Commands;

/// <summary>
/// <c>nokor certificate render --registration NUMBER --out FILE.pdf</c> prints a certificate (recorded
/// like any print, by the platform actor "cli"); <c>nokor certificate verify FILE</c> checks a
/// certificate PDF, or a photo or scan of the paper (PNG/JPEG, its QR code decoded), with
/// <see cref="ICertificateFiles"/>: the signature, and a PDF's visible text against the signed
/// fields. Exit 0 when genuine and current, 1 not genuine or superseded, 2 misuse, 10 the visible text
/// does not match the signed data, 11 the file cannot be read, 12 no certificate code in the file
/// (<see cref="VerifyExitCodes"/>). With <c>--keys FILE</c> the signature is checked against that
/// published key set alone (offline verification); without it, against the local key ring. With
/// <c>--offline</c> the register is not asked, so currency is not checked (and said so).
/// </summary>
internal static class CertificateCommands
{
    public static Command Create(CliContext context)
    {
        var certificate = new Command("certificate", "Certificates of every vital event (birth, death, marriage, divorce...).");

        var number = new Option<string>("--registration") { Description = "Registration number, e.g. B120101-2026-000042.", Required = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "PDF file to write.", Required = true };
        var render = new Command("render", "Print the certificate of an approved registration to a PDF file (recorded as a print; a reprint is a certified copy).")
        {
            number,
            output,
        };
        render.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(number)!.Trim().ToUpperInvariant();
            await using var scope = context.Services.CreateAsyncScope();
            var cli = Actor.Platform("cli");
            var id = await scope.ServiceProvider.GetRequiredService<ICivilRegistrations>().FindByNumberAsync(text, cli, ct);
            if (id is null)
            {
                Console.Error.WriteLine($"No registration has the number {text}.");
                return ExitCodes.Failed;
            }

            var outcome = await scope.ServiceProvider.GetRequiredService<ICivilCertificates>().PrintAsync(id.Value, cli, ct);
            if (!outcome.IsOk)
            {
                Console.Error.WriteLine(outcome.Message ?? string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
                return ExitCodes.Failed;
            }

            var file = parse.GetValue(output)!;
            file.Directory?.Create();
            await File.WriteAllBytesAsync(file.FullName, outcome.Value.Pdf, ct);
            var c = outcome.Value.Certificate;
            Console.WriteLine($"Wrote {c.Issue} certificate {c.Serial} to {file.FullName}.");
            return ExitCodes.Ok;
        });

        var pdf = new Argument<FileInfo>("FILE") { Description = "The certificate: its PDF, or a photo or scan of the paper (PNG or JPEG)." };
        var keysFile = new Option<FileInfo>("--keys") { Description = "Published public key set (nokor keys export, or GET /api/keys) to check the signature against." };
        var offline = new Option<bool>("--offline") { Description = "Do not ask the register whether the certificate is current." };
        var verify = new Command("verify", "Check a certificate file's signed code (and a PDF's visible text against it). Exit codes: 0 genuine and current, " +
            "1 not genuine or superseded, 2 misuse, 10 the visible text does not match the signed data, 11 the file cannot be read, 12 no certificate code in the file.")
        {
            pdf,
            keysFile,
            offline,
        };
        verify.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(pdf)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"No file {file.FullName}.");
                return ExitCodes.Misuse;
            }

            if (file.Length > ICertificateFiles.MaxBytes)
            {
                Console.WriteLine($"UNREADABLE: the file is larger than {ICertificateFiles.MaxBytes / (1024 * 1024)} MB.");
                return VerifyExitCodes.Unreadable;
            }

            PublicKeySet keys;
            if (parse.GetValue(keysFile) is { } keysPath)
            {
                if (!keysPath.Exists)
                {
                    Console.Error.WriteLine($"No key set file {keysPath.FullName}.");
                    return ExitCodes.Misuse;
                }

                if (!PublicKeySet.TryParse(await File.ReadAllTextAsync(keysPath.FullName, ct), out var parsed, out var keyError))
                {
                    Console.Error.WriteLine($"The key set {keysPath.FullName} is not valid: {keyError}");
                    return ExitCodes.Misuse;
                }

                keys = parsed!;
            }
            else
            {
                keys = context.Services.GetRequiredService<SigningKeyRing>().GetPublicKeySet();
            }

            var bytes = await File.ReadAllBytesAsync(file.FullName, ct);

            // A parser of an untrusted file is given a bounded time.
            CertificateFileReport result;
            try
            {
                var files = context.Services.GetRequiredService<ICertificateFiles>();
                result = await Task.Run(() => files.Check(bytes, keys), ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
            }
            catch (TimeoutException)
            {
                Console.WriteLine("UNREADABLE: reading the file took more than 60 seconds.");
                return VerifyExitCodes.Unreadable;
            }

            switch (result.Verdict)
            {
                case CertificateFileVerdict.Unreadable:
                    Console.WriteLine($"UNREADABLE: {result.Message}");
                    return VerifyExitCodes.Unreadable;
                case CertificateFileVerdict.NoCode:
                    Console.WriteLine($"NO CERTIFICATE CODE: {result.Message}");
                    return VerifyExitCodes.NoCode;
                case CertificateFileVerdict.NotGenuine:
                    Console.WriteLine($"NOT GENUINE: {result.Message}");
                    return ExitCodes.Failed;
            }

            var payload = result.Payload!;
            Console.WriteLine($"Signature: genuine (key {result.KeyId}).");
            Console.WriteLine($"Certificate {payload.Serial}: {EventName(payload.Event)} registration {payload.RegistrationNumber} version {payload.RegistrationVersion}");
            Console.WriteLine($"  {payload.NameKm} / {payload.NameLatin}, KIDC {payload.Kidc ?? "-"}, {payload.EventDate}, issued {payload.IssuedAt:yyyy-MM-dd HH:mm} UTC");
            if (result.Verdict == CertificateFileVerdict.TextMismatch)
            {
                Console.WriteLine($"NOT GENUINE: {result.Message}");
                return VerifyExitCodes.TextMismatch;
            }

            Console.WriteLine(result.FromImage
                ? "Photo: the QR code's signature is genuine; the text of a photo is not checked by machine: compare the fields above with the paper."
                : "Text: the visible text matches the signed data.");
            if (parse.GetValue(offline))
            {
                Console.WriteLine("Currency: not checked (--offline).");
                return ExitCodes.Ok;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var check = await scope.ServiceProvider.GetRequiredService<ICivilCertificates>().CheckTokenAsync(result.Token, ct);
            if (!check.Genuine)
            {
                Console.WriteLine($"NOT GENUINE in the register: {check.Reason}");
                return ExitCodes.Failed;
            }

            Console.WriteLine(check.State == CertificateState.Current
                ? "Register: CURRENT."
                : $"Register: SUPERSEDED. {check.Reason}");
            return check.State == CertificateState.Current ? ExitCodes.Ok : ExitCodes.Failed;
        });

        certificate.Subcommands.Add(render);
        certificate.Subcommands.Add(verify);
        return certificate;
    }

    /// <summary>The exit codes of <c>certificate verify</c> beyond <see cref="ExitCodes"/> (0 genuine and current, 1 not genuine or superseded, 2 misuse).</summary>
    internal static class VerifyExitCodes
    {
        /// <summary>A PDF whose visible text lacks a signed field (the field is named).</summary>
        public const int TextMismatch = 10;

        /// <summary>Too large, not a PDF, PNG or JPEG, or a PDF or image that cannot be parsed.</summary>
        public const int Unreadable = 11;

        /// <summary>A PDF without a certificate code in its metadata, or an image without a QR code.</summary>
        public const int NoCode = 12;
    }

    /// <summary>The event a payload's letter stands for (the registration number's first letter).</summary>
    private static string EventName(string letter) => letter switch
    {
        "B" => "birth",
        "D" => "death",
        "M" => "marriage",
        "V" => "divorce",
        "A" => "annulment",
        "S" => "legal separation",
        "P" => "adoption",
        "R" => "recognition",
        "L" => "legitimization",
        "F" => "foetal death",
        "N" => "name change",
        _ => letter,
    };
}
