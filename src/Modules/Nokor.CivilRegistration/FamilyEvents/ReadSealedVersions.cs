using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// The sealed versions of a birth registration (the biological parents and birth names before a
/// full adoption): read only by a senior registrar, for a stated purpose, every read audited as
/// <c>civil.registration.sealed.read</c> and every refused attempt as <c>civil.registration.sealed.refused</c>.
/// Everyone else sees the record, its history and its certificates from the adoption's version on.
/// </summary>
internal static class ReadSealedVersions
{
    public static async Task<Outcome<IReadOnlyList<SealedVersionView>>> HandleAsync(
        Guid id, string? purposeText, Actor actor, RegistrationRecords records, CivilDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationPurpose.Purpose(purposeText, errors);
        if (purpose is null)
        {
            return Outcome<IReadOnlyList<SealedVersionView>>.Invalid(errors);
        }

        var r = await records.FindAsync(id, actor, track: false, ct);
        if (r is null)
        {
            return Outcome<IReadOnlyList<SealedVersionView>>.NotFound(RegistrationRecords.NotFoundMessage);
        }

        if (r.SealedThroughVersion is not { } sealedThrough)
        {
            return Outcome<IReadOnlyList<SealedVersionView>>.NotFound("This registration has no sealed versions.");
        }

        if (!MayRead(actor))
        {
            await audit.AppendAsync(new AuditEvent(actor, "civil.registration.sealed.refused", "registration", r.Id.ToString(), purpose), ct);
            return Outcome<IReadOnlyList<SealedVersionView>>.Invalid("reader",
                "The versions before a full adoption are sealed: only a senior registrar reads them, for a stated purpose.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.registration.sealed.read", "registration", r.Id.ToString(), purpose,
            AuditDetails.Of(new { versions = sealedThrough })), ct);
        var versions = await db.Versions.AsNoTracking().Where(v => v.RegistrationId == r.Id && v.Version <= sealedThrough).OrderBy(v => v.Version).ToListAsync(ct);
        var certificates = (await db.Certificates.AsNoTracking().Where(c => c.RegistrationId == r.Id && c.RegistrationVersion <= sealedThrough).ToListAsync(ct))
            .OrderBy(c => c.IssuedAt).ToList();
        var history = await db.Events.AsNoTracking().Where(e => e.RegistrationId == r.Id && e.Version <= sealedThrough).OrderBy(e => e.Id).ToListAsync(ct);
        return Outcome<IReadOnlyList<SealedVersionView>>.Ok(versions.Select(v => new SealedVersionView(
            v.Version, v.At, v.Reason,
            r.Event == VitalEvent.Birth ? Dossiers.Read<BirthDossier>(v.Dossier) : null,
            certificates.Where(c => c.RegistrationVersion == v.Version).Select(c => Certificates.CertificateRecords.View(c, r.Version)).ToList(),
            history.Where(e => e.Version == v.Version).Select(e => new RegistrationHistoryEntry(e.At, e.ActorName, e.Action, e.Version, e.Note)).ToList()))
            .ToList());
    }

    /// <summary>
    /// Who reads sealed versions: a senior registrar. The adopted person, once adult, may also read
    /// their own original birth registration (issue 17); there is no citizens' portal yet, so no
    /// actor is that person. When the portal exists, its actor (kind "citizen", authenticated to a
    /// KIDC) is allowed here when its KIDC is the registration's subject and the person is 18 or older.
    /// </summary>
    public static bool MayRead(Actor actor) => actor.IsInRole(Roles.SeniorRegistrar);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/registrations/{id:guid}/sealed-versions", async (Guid id, HttpContext http, RegistrationRecords records, CivilDbContext db, IAuditLog audit,
                CancellationToken ct) =>
                (await HandleAsync(id, http.StatedPurpose(), http.Actor(), records, db, audit, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("ReadSealedVersions")
            .WithSummary("The sealed versions of a birth registration (before a full adoption): senior registrars only, audited with the purpose")
            .WithDescription("Requires the X-Purpose header, recorded in the audit log; a refused attempt is audited too.");
}
