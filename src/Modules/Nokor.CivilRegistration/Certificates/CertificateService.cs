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
    TimeProvider clock)
{
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
        var text = token?.Trim() ?? "";
        var marker = text.IndexOf("t=", StringComparison.Ordinal);
        if (marker >= 0 && text.Contains("/verify", StringComparison.Ordinal))
        {
            // The whole scanned URL was pasted: keep the token.
            text = Uri.UnescapeDataString(text[(marker + 2)..].Split('&')[0]);
        }

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

        return await CheckAsync(c, ct);
    }

    /// <summary>
    /// The public check of a typed certificate serial (B120101-2026-000042/1), or of a registration
    /// number (its latest certificate). Serials follow a pattern anyone can guess, so the printed
    /// fields (names, KIDC) are shown only to someone who also gives the date of the event printed
    /// on the certificate; with the number alone the answer is whether such a certificate exists
    /// and is current. Holding the QR code (<see cref="CheckTokenAsync"/>) proves possession.
    /// </summary>
    public async Task<CertificateCheck> CheckSerialAsync(string? serialOrNumber, CancellationToken ct, string? eventDate = null)
    {
        var text = serialOrNumber?.Trim().ToUpperInvariant() ?? "";
        if (text.Length is 0 or > 40)
        {
            return NotGenuine("Type the certificate number printed under the QR code.");
        }

        var c = text.Contains('/')
            ? await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Serial == text, ct)
            : (await db.Certificates.AsNoTracking().Where(x => x.RegistrationNumber == text).ToListAsync(ct)).MaxBy(x => x.IssuedAt);
        if (c is null)
        {
            return NotGenuine("No certificate with this number was issued.");
        }

        var check = await CheckAsync(c, ct);
        if (string.Equals(eventDate?.Trim(), check.EventDate, StringComparison.Ordinal))
        {
            return check;
        }

        return check with
        {
            Kidc = null,
            NameKm = null,
            NameLatin = null,
            EventDate = null,
            Reason = (check.Reason is null ? "" : check.Reason + " ") + "Give the date of the event printed on the certificate to see its details.",
        };
    }

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

    private static CertificateView View(CertificateEntity c, int currentVersion) => new(
        c.Id, c.Serial, c.RegistrationVersion, c.Issue, c.RegistrationVersion == currentVersion ? CertificateState.Current : CertificateState.Superseded,
        c.IssuedAt, c.IssuedByName, c.FeeRiel);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);
}
