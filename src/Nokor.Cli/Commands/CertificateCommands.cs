using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Certificates;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Pdf;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;

namespace Nokor.Cli.Commands;

/// <summary>
/// <c>nokor certificate render --registration NUMBER --out FILE.pdf</c> prints a certificate (recorded
/// like any print, by the platform actor "cli"); <c>nokor certificate verify FILE.pdf</c> checks the
/// signed QR payload the PDF carries: exit 0 when it is genuine and the certificate current, 1
/// otherwise. With <c>--keys FILE</c> the signature is checked against that published key set alone;
/// with <c>--offline</c> the register is not asked, so currency is not checked (and said so).
/// </summary>
internal static class CertificateCommands
{
    public static Command Create(CliContext context)
    {
        var certificate = new Command("certificate", "Birth and death certificates.");

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
            var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            var id = await db.Registrations.AsNoTracking().Where(r => r.Number == text).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                Console.Error.WriteLine($"No registration has the number {text}.");
                return ExitCodes.Failed;
            }

            var outcome = await scope.ServiceProvider.GetRequiredService<CertificateService>().PrintAsync(id.Value, Actor.Platform("cli"), ct);
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

        var pdf = new Argument<FileInfo>("FILE") { Description = "The certificate PDF." };
        var keysFile = new Option<FileInfo>("--keys") { Description = "Published public key set (nokor keys export, or GET /api/keys) to check the signature against." };
        var offline = new Option<bool>("--offline") { Description = "Do not ask the register whether the certificate is current." };
        var verify = new Command("verify", "Check a certificate PDF's signed QR payload: exit 0 when genuine and current, 1 otherwise.")
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

            var bytes = await File.ReadAllBytesAsync(file.FullName, ct);
            if (!PdfMetadataReader.TryReadKeywords(bytes, out var token) || !token.StartsWith(SignedToken.Prefix + ".", StringComparison.Ordinal))
            {
                Console.WriteLine("NOT GENUINE: the file carries no Nokor certificate payload.");
                return ExitCodes.Failed;
            }

            PublicKeySet keys;
            if (parse.GetValue(keysFile) is { } keysPath)
            {
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

            if (!SignedToken.TryVerify(token, keys, out var payloadBytes, out var error))
            {
                Console.WriteLine($"NOT GENUINE: {error}");
                return ExitCodes.Failed;
            }

            var payload = CertificatePayload.TryRead(payloadBytes);
            if (payload is null)
            {
                Console.WriteLine("NOT GENUINE: the signed payload is not a Nokor certificate.");
                return ExitCodes.Failed;
            }

            Console.WriteLine($"Signature: genuine (key {token.Split('.')[2]}).");
            Console.WriteLine($"Certificate {payload.Serial}: {(payload.Event == "B" ? "birth" : "death")} registration {payload.RegistrationNumber} version {payload.RegistrationVersion}");
            Console.WriteLine($"  {payload.NameKm} / {payload.NameLatin}, KIDC {payload.Kidc ?? "-"}, {payload.EventDate}, issued {payload.IssuedAt:yyyy-MM-dd HH:mm} UTC");
            if (parse.GetValue(offline))
            {
                Console.WriteLine("Currency: not checked (--offline).");
                return ExitCodes.Ok;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var check = await scope.ServiceProvider.GetRequiredService<CertificateService>().CheckTokenAsync(token, ct);
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
}
