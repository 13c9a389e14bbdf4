using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Certificates;

/// <summary>The certificates door for the hosts: delegates to the use cases.</summary>
internal sealed class CivilCertificates(
    CivilDbContext db,
    RegistrationRecords registrations,
    CertificateRecords certificates,
    CertificateComposer composer,
    SigningKeyRing keys,
    StaffDirectory staff,
    IAuditLog audit,
    IOptions<CivilRegistrationOptions> options,
    CertificateCheckCodes codes,
    CertificateCheckAttempts attempts,
    TimeProvider clock) : ICivilCertificates
{
    public Task<Outcome<(CertificateView Certificate, byte[] Pdf)>> PrintAsync(Guid registrationId, Actor actor, CancellationToken ct) =>
        PrintCertificate.HandleAsync(registrationId, actor, db, registrations, certificates, composer, keys, staff, audit, options, clock, ct);

    public Task<CertificateCheck> CheckTokenAsync(string? token, CancellationToken ct) =>
        VerifyCertificateToken.HandleAsync(token, db, certificates, keys, ct);

    public Task<CertificateSerialCheck> CheckSerialAsync(string? serialOrNumber, string? checkCode, CancellationToken ct) =>
        VerifyCertificateNumber.HandleAsync(serialOrNumber, checkCode, db, certificates, codes, attempts, ct);
}

/// <summary>The certificate-file door for the CLI: delegates to the use case.</summary>
internal sealed class CertificateFiles : ICertificateFiles
{
    public CertificateFileReport Check(byte[] file, PublicKeySet keys) => CheckCertificateFile.Handle(file, keys);
}

/// <summary>The renderer door for the benchmarks: delegates to <see cref="Rendering.CertificatePdf"/> and <see cref="CertificatePayload"/>.</summary>
internal sealed class CertificateRenderer : ICertificateRenderer
{
    public byte[] Render(CertificateContent content) => Rendering.CertificatePdf.Render(content);

    public string Sign(SignedCertificate fields, SigningKeyRing keys) =>
        keys.Sign(new CertificatePayload(CertificatePayload.Current, fields.Event, fields.RegistrationNumber, fields.RegistrationVersion, fields.Serial,
            fields.Kidc, fields.NameKm, fields.NameLatin, fields.EventDate, fields.IssuedAt).ToBytes());
}
