using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Certificates;

/// <summary>
/// Birth and death certificates (NSPI 5.3 registration services: "issuance of the registration
/// certificate"; 6.2: printed only after double verification). Every print and reprint is recorded;
/// a reprint of a version already printed is a certified copy and carries the fee of the fee table.
/// Each certificate's QR code holds a payload signed with the platform's ECDSA key, which anyone can
/// check online on the public page or offline with the published public keys.
/// </summary>
internal sealed class CertificateService(
    CivilDbContext db,
    RegistrationService registrations,
    CertificateComposer composer,
    SigningKeyRing keys,
    IPopulationRegistry registry,
    StaffDirectory staff,
    IAuditLog audit,
    IOptions<CivilRegistrationOptions> options,
    CertificateCheckCodes codes,
    CertificateCheckAttempts attempts,
    TimeProvider clock)
{
    /// <summary>Who checks a certificate on the public page or API: not known, acting with no role.</summary>
    private static readonly Actor PublicActor = new("public", "certificate-verification", null, Jurisdiction.National, new HashSet<string>());

    public async Task<Outcome<(CertificateView Certificate, byte[] Pdf)>> PrintAsync(Guid registrationId, Actor actor, CancellationToken ct)
    {
        var r = await registrations.FindAsync(registrationId, actor, track: true, ct);
        if (r is null)
        {
            return Outcome<(CertificateView, byte[])>.NotFound("No registration with this id in your area.");
        }

        if (r.Status != RegistrationStatus.Approved)
        {
            return Outcome<(CertificateView, byte[])>.Conflict("A certificate is printed only for an approved registration.");
        }

        var printed = await db.Certificates.Where(c => c.RegistrationId == r.Id).Select(c => c.RegistrationVersion).ToListAsync(ct);
        var issue = printed.Contains(r.Version) ? CertificateIssue.CertifiedCopy : CertificateIssue.Original;
        var name = await staff.DisplayNameAsync(actor, ct);
        var now = clock.GetUtcNow();
        var serial = $"{r.Number}/{printed.Count + 1}";
        var payload = new CertificatePayload(CertificatePayload.Current, r.Event == VitalEvent.Birth ? "B" : "D", r.Number!, r.Version, serial,
            r.SubjectKidc, r.SubjectNameKm, r.SubjectNameLatin, r.EventDate.ToString("yyyy-MM-dd"), TruncateToSeconds(now));
        var certificate = new CertificateEntity
        {
            Id = Guid.CreateVersion7(),
            Serial = serial,
            RegistrationId = r.Id,
            RegistrationNumber = r.Number!,
            RegistrationVersion = r.Version,
            Issue = issue,
            IssuedAt = payload.IssuedAt,
            IssuedBy = actor.Id,
            IssuedByName = name,
            FeeRiel = issue == CertificateIssue.CertifiedCopy ? options.Value.Fees.CertifiedCopy : 0,
            Token = keys.Sign(payload.ToBytes()),
        };
        db.Certificates.Add(certificate);
        r.Revision++;
        registrations.AddEvent(r, actor, name, issue == CertificateIssue.Original ? "certificate.printed" : "certificate.reprinted",
            certificate.FeeRiel > 0 ? $"{serial}; fee {certificate.FeeRiel} riel" : serial);
        await audit.AppendAsync(new AuditEvent(actor, issue == CertificateIssue.Original ? "civil.certificate.print" : "civil.certificate.reprint",
            "registration", r.Id.ToString(), "civil registration certificate", $"{{\"serial\":\"{serial}\"}}"), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two prints of the same record at once: both took the same serial; one wins.
            db.ChangeTracker.Clear();
            return Outcome<(CertificateView, byte[])>.Conflict("Another print of this record happened at the same moment: print again.");
        }

        var pdf = await composer.RenderAsync(r, certificate, ct, deceasedBirthDate: await DeceasedBirthDateAsync(r, actor, ct));
        return Outcome<(CertificateView, byte[])>.Ok((View(certificate, r.Version), pdf));
    }

    /// <summary>The PDF of a certificate already printed, as it was printed (a download, audited, not a new print).</summary>
    public async Task<Outcome<(CertificateView Certificate, byte[] Pdf)>> DownloadAsync(Guid registrationId, Guid certificateId, Actor actor, CancellationToken ct)
    {
        var r = await registrations.FindAsync(registrationId, actor, track: false, ct);
        var c = r is null ? null : await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == certificateId && x.RegistrationId == r.Id, ct);
        if (r is null || c is null)
        {
            return Outcome<(CertificateView, byte[])>.NotFound("No such certificate in your area.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.certificate.download", "registration", r.Id.ToString(), "civil registration certificate",
            $"{{\"serial\":\"{c.Serial}\"}}"), ct);
        var version = c.RegistrationVersion == r.Version ? r : await AtVersionAsync(r, c.RegistrationVersion, ct);
        var pdf = await composer.RenderAsync(version, c, ct, superseded: c.RegistrationVersion != r.Version,
            deceasedBirthDate: await DeceasedBirthDateAsync(r, actor, ct));
        return Outcome<(CertificateView, byte[])>.Ok((View(c, r.Version), pdf));
    }

    /// <summary>The printed decision of a rejection, with its legal reasons (NSPI 5.3: "The decision is printed").</summary>
    public async Task<Outcome<byte[]>> RejectionAsync(Guid registrationId, Actor actor, CancellationToken ct)
    {
        var r = await registrations.FindAsync(registrationId, actor, track: false, ct);
        if (r is null)
        {
            return Outcome<byte[]>.NotFound("No registration with this id in your area.");
        }

        if (r.Status != RegistrationStatus.Rejected)
        {
            return Outcome<byte[]>.Conflict("Only a rejected application has a rejection decision.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.rejection.print", "registration", r.Id.ToString(), "civil registration decision"), ct);
        return Outcome<byte[]>.Ok(await composer.RenderRejectionAsync(r, ct));
    }

    /// <summary>The public check of a QR payload: genuine (signed by a platform key and recorded), and current or superseded.</summary>
    public async Task<CertificateCheck> CheckTokenAsync(string? token, CancellationToken ct)
    {
        var text = CertificatePayload.TokenFromScan(token);
        if (!keys.TryVerify(text, out var bytes, out var error))
        {
            return NotGenuine(error);
        }

        var payload = CertificatePayload.TryRead(bytes);
        if (payload is null)
        {
            return NotGenuine("The signed payload is not a Nokor certificate.");
        }

        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Serial == payload.Serial, ct);
        if (c is null || c.Token != text)
        {
            return NotGenuine("No certificate with this serial was issued with this code.");
        }

        await AuditPublicCheckAsync(c, "qr", ct);
        return await CheckAsync(c, ct);
    }

    /// <summary>
    /// The public check of a typed certificate serial (B120101-2026-000042/1), or of a registration
    /// number (then its latest certificate, or with a code the certificate the code belongs to).
    /// Serials follow a pattern anyone can guess, so without proof of holding the certificate the
    /// answer is only whether it is genuine and current or superseded: that a number was issued is
    /// no one's personal data (registrations are counted in public statistics) and is what a person
    /// checking a paper needs first. The printed fields are shown only with the check code printed
    /// on the certificate (<see cref="CertificateCheckCodes"/>) or its QR code
    /// (<see cref="CheckTokenAsync"/>). A wrong code answers exactly as a number never issued, and
    /// after <see cref="CertificateCheckAttempts.Limit"/> wrong codes the registration answers
    /// "too many attempts" for an hour (<see cref="SerialCheck.RetryAfter"/>), whatever the code.
    /// </summary>
    public async Task<SerialCheck> CheckSerialAsync(string? serialOrNumber, string? checkCode, CancellationToken ct)
    {
        var text = serialOrNumber?.Trim().ToUpperInvariant() ?? "";
        if (text.Length is 0 or > 40)
        {
            return new(NotGenuine("Type the certificate number printed under the QR code."));
        }

        if (string.IsNullOrWhiteSpace(checkCode))
        {
            var latest = await FindAsync(text, ct);
            if (latest is null)
            {
                return new(NotGenuine("No certificate with this number was issued."));
            }

            var check = await CheckAsync(latest, ct);
            return new(new CertificateCheck(true, check.State,
                (check.Reason is null ? "" : check.Reason + " ") + "Give the check code printed beside the QR code, or scan the QR code, to see the certificate's details.",
                null, null, null, check.Serial, null, null, null, null, null));
        }

        var code = CertificateCheckCodes.Normalize(checkCode);
        if (code is null)
        {
            // Says nothing about the number: the same for every number.
            return new(NotGenuine($"The check code is the {CertificateCheckCodes.Length} letters and digits printed beside the QR code, e.g. 7KQ2M-X9D4P."));
        }

        var number = text.Split('/')[0];
        if (!attempts.TryBegin(number, out var wait))
        {
            return new(null, wait);
        }

        var candidates = text.Contains('/')
            ? await db.Certificates.AsNoTracking().Where(x => x.Serial == text).ToListAsync(ct)
            : await db.Certificates.AsNoTracking().Where(x => x.RegistrationNumber == text).ToListAsync(ct);
        var match = candidates.FirstOrDefault(c => codes.Matches(c.Serial, c.RegistrationVersion, code));
        if (match is null)
        {
            return new(NotGenuine("No certificate with this number and check code was issued."));
        }

        attempts.Succeeded(number);
        await AuditPublicCheckAsync(match, "check code", ct);
        return new(await CheckAsync(match, ct));
    }

    private async Task<CertificateEntity?> FindAsync(string serialOrNumber, CancellationToken ct) =>
        serialOrNumber.Contains('/')
            ? await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Serial == serialOrNumber, ct)
            : (await db.Certificates.AsNoTracking().Where(x => x.RegistrationNumber == serialOrNumber).ToListAsync(ct)).MaxBy(x => x.IssuedAt);

    /// <summary>A public check that shows a certificate's printed fields is an access to personal data: audited (who is not known; how the holder proved it is).</summary>
    private Task AuditPublicCheckAsync(CertificateEntity c, string proof, CancellationToken ct) =>
        audit.AppendAsync(new AuditEvent(PublicActor, "civil.certificate.public-check", "registration", c.RegistrationId.ToString(),
            "public certificate verification", $"{{\"serial\":\"{c.Serial}\",\"proof\":\"{proof}\"}}"), ct);

    private async Task<CertificateCheck> CheckAsync(CertificateEntity c, CancellationToken ct)
    {
        var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == c.RegistrationId, ct);
        var state = c.RegistrationVersion == r.Version ? CertificateState.Current : CertificateState.Superseded;
        var payload = keys.TryVerify(c.Token, out var bytes, out _) ? CertificatePayload.TryRead(bytes) : null;

        // Only what is printed on the certificate, as it was printed (the payload), never the dossier.
        return new CertificateCheck(true, state,
            state == CertificateState.Superseded ? "A correction made a newer version of this registration: ask the registration office for a current certificate." : null,
            r.Event, c.RegistrationNumber, c.RegistrationVersion, c.Serial, payload?.Kidc, payload?.NameKm, payload?.NameLatin, payload?.EventDate, c.IssuedAt);
    }

    private async Task<RegistrationEntity> AtVersionAsync(RegistrationEntity r, int version, CancellationToken ct)
    {
        var v = await db.Versions.AsNoTracking().FirstAsync(x => x.RegistrationId == r.Id && x.Version == version, ct);
        var old = new RegistrationEntity
        {
            Id = r.Id, Event = r.Event, Status = r.Status, Number = r.Number, OfficeCode = r.OfficeCode, Version = version,
            EventDate = r.EventDate, EventPlaceCode = r.EventPlaceCode, SubjectKidc = r.SubjectKidc, SubjectNameKm = r.SubjectNameKm,
            SubjectNameLatin = r.SubjectNameLatin, SubjectNameKey = r.SubjectNameKey, SubjectSex = r.SubjectSex, Dossier = v.Dossier,
            EnteredBy = r.EnteredBy, EnteredByName = r.EnteredByName, DecidedByName = r.DecidedByName, DecidedAt = r.DecidedAt,
        };
        return old;
    }

    /// <summary>A death certificate prints the deceased's date of birth and age, from the registry (an audited read).</summary>
    private async Task<string?> DeceasedBirthDateAsync(RegistrationEntity r, Actor actor, CancellationToken ct) =>
        r.Event == VitalEvent.Death && r.SubjectKidc is not null
            ? (await registry.FindAsync(r.SubjectKidc, actor, "civil registration: death certificate", ct))?.BirthDate
            : null;

    private static CertificateCheck NotGenuine(string reason) =>
        new(false, null, reason, null, null, null, null, null, null, null, null, null);

    /// <summary>The answer of a serial check, or how long to wait when its registration has had too many wrong codes.</summary>
    internal sealed record SerialCheck(CertificateCheck? Check, TimeSpan? RetryAfter = null);

    private static CertificateView View(CertificateEntity c, int currentVersion) => new(
        c.Id, c.Serial, c.RegistrationVersion, c.Issue, c.RegistrationVersion == currentVersion ? CertificateState.Current : CertificateState.Superseded,
        c.IssuedAt, c.IssuedByName, c.FeeRiel);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);
}
