using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Queues;

/// <summary>
/// The work queues of a registration office, per role: applications to verify (entered by someone
/// else), to approve, late ones for a senior registrar, registered records waiting for their first
/// certificate, corrections and information requests waiting for a decision.
/// </summary>
internal static class WorkQueues
{
    public const int MaxListed = ICivilWorkQueues.MaxListed;

    public static IReadOnlyList<string> Names => ICivilWorkQueues.Names;

    private static IQueryable<RegistrationEntity> InArea(CivilDbContext db, Actor actor) =>
        actor.Jurisdiction.AreaCode is { } area
            ? db.Registrations.AsNoTracking().Where(r => r.OfficeCode.StartsWith(area))
            : db.Registrations.AsNoTracking();

    /// <summary>The "to-approve" and "to-approve-senior" queues together (for the counts per event).</summary>
    public static IQueryable<RegistrationEntity> ToApproveAny(CivilDbContext db, Actor actor) =>
        InArea(db, actor).Where(r => r.Status == RegistrationStatus.Verified && r.EnteredBy != actor.Id);

    public static IQueryable<RegistrationEntity>? Query(CivilDbContext db, string name, Actor actor)
    {
        var all = InArea(db, actor);
        return name switch
        {
            "to-verify" => all.Where(r => r.Status == RegistrationStatus.Entered && r.EnteredBy != actor.Id),
            "to-approve" => all.Where(r => r.Status == RegistrationStatus.Verified && !r.NeedsSeniorApproval && r.EnteredBy != actor.Id),
            "to-approve-senior" => all.Where(r => r.Status == RegistrationStatus.Verified && r.NeedsSeniorApproval && r.EnteredBy != actor.Id),
            "ready-to-print" => all.Where(r => r.Status == RegistrationStatus.Approved &&
                !db.Certificates.Any(c => c.RegistrationId == r.Id && c.RegistrationVersion == r.Version)),
            "corrections" => all.Where(r => db.Corrections.Any(c => c.RegistrationId == r.Id && c.Status == CorrectionStatus.Pending)),
            "rejected" => all.Where(r => r.Status == RegistrationStatus.Rejected),
            "registered" => all.Where(r => r.Status == RegistrationStatus.Approved),
            _ => null,
        };
    }
}
