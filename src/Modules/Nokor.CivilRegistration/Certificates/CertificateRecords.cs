using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Certificates;

/// <summary>
/// What the certificate use cases share: a certificate found by serial or number, the public check's
/// answer and its audit, a registration as it was at a printed version, and the problem answers.
/// </summary>
internal sealed class CertificateRecords(CivilDbContext db, SigningKeyRing keys, IPopulationRegistry registry, IAuditLog audit)
{
    /// <summary>The rate-limit policy of the public verification API (the host defines it: requests per minute per client address).</summary>
    public const string PublicRateLimit = CivilRateLimits.PublicVerification;

    /// <summary>The problem type of a certificate locked after too many wrong check codes.</summary>
    public const string TooManyAttempts = Problems.TypeBase + "too-many-attempts";

    /// <summary>Who checks a certificate on the public page or API: not known, acting with no role.</summary>
    private static readonly Actor PublicActor = new("public", "certificate-verification", null, Jurisdiction.National, new HashSet<string>());

    public async Task<CertificateEntity?> FindAsync(string serialOrNumber, CancellationToken ct) =>
        serialOrNumber.Contains('/')
            ? await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Serial == serialOrNumber, ct)
            : (await db.Certificates.AsNoTracking().Where(x => x.RegistrationNumber == serialOrNumber).ToListAsync(ct)).MaxBy(x => x.IssuedAt);

    /// <summary>A public check that shows a certificate's printed fields is an access to personal data: audited (who is not known; how the holder proved it is).</summary>
    public Task AuditPublicCheckAsync(CertificateEntity c, string proof, CancellationToken ct) =>
        audit.AppendAsync(new AuditEvent(PublicActor, "civil.certificate.public-check", "registration", c.RegistrationId.ToString(),
            "public certificate verification", AuditDetails.Of(new { serial = c.Serial, proof })), ct);

    public async Task<CertificateCheck> CheckAsync(CertificateEntity c, CancellationToken ct)
    {
        var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == c.RegistrationId, ct);
        var state = c.RegistrationVersion == r.Version ? CertificateState.Current : CertificateState.Superseded;
        var payload = keys.TryVerify(c.Token, out var bytes, out _) ? CertificatePayload.TryRead(bytes) : null;

        // Only what is printed on the certificate, as it was printed (the payload), never the dossier.
        return new CertificateCheck(true, state,
            state == CertificateState.Superseded ? "A correction made a newer version of this registration: ask the registration office for a current certificate." : null,
            r.Event, c.RegistrationNumber, c.RegistrationVersion, c.Serial, payload?.Kidc, payload?.NameKm, payload?.NameLatin, payload?.EventDate, c.IssuedAt);
    }

    public async Task<RegistrationEntity> AtVersionAsync(RegistrationEntity r, int version, CancellationToken ct)
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
    public async Task<string?> DeceasedBirthDateAsync(RegistrationEntity r, Actor actor, CancellationToken ct) =>
        r.Event == VitalEvent.Death && r.SubjectKidc is not null
            ? (await registry.FindAsync(r.SubjectKidc, actor, "civil registration: death certificate", ct))?.BirthDate
            : null;

    public static CertificateCheck NotGenuine(string reason) =>
        new(false, null, reason, null, null, null, null, null, null, null, null, null);

    public static CertificateView View(CertificateEntity c, int currentVersion) => new(
        c.Id, c.Serial, c.RegistrationVersion, c.Issue, c.RegistrationVersion == currentVersion ? CertificateState.Current : CertificateState.Superseded,
        c.IssuedAt, c.IssuedByName, c.FeeRiel);

    public static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);

    public static Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>> Fail(
        OutcomeKind kind, IDictionary<string, string[]> errors, string? message) => kind switch
    {
        OutcomeKind.Invalid => Problems.Invalid(errors),
        OutcomeKind.NotFound => TypedResults.NotFound(new ProblemDetails { Type = Problems.NotFound, Title = "Not found.", Status = 404, Detail = message }),
        _ => TypedResults.Conflict(new ProblemDetails { Type = Problems.Conflict, Title = "Conflict.", Status = 409, Detail = message }),
    };
}
