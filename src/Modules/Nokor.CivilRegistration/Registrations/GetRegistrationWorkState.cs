using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>
/// The workflow facts the record page decides its actions by (who entered, who holds the record)
/// and the pending corrections with their dossiers. No endpoint: the API answers with the view.
/// </summary>
internal static class GetRegistrationWorkState
{
    public static async Task<RegistrationWorkState?> HandleAsync(
        Guid id, Actor actor, RegistrationRecords records, CivilDbContext db, IOptions<CivilRegistrationOptions> options, CancellationToken ct)
    {
        var r = await records.FindAsync(id, actor, track: false, ct);
        if (r is null)
        {
            return null;
        }

        var pending = await db.Corrections.AsNoTracking()
            .Where(c => c.RegistrationId == id && c.Status == CorrectionStatus.Pending)
            .Select(c => new PendingCorrectionDossier(c.Id, c.RequestedBy, c.Dossier))
            .ToListAsync(ct);
        return new RegistrationWorkState(r.EnteredBy, r.AssignedTo, r.Dossier, pending, options.Value.Fees.CertifiedCopy, options.Value.MaxAnnexBytes);
    }
}

/// <summary>The registration with a given number in the caller's area (the CLI prints certificates by number).</summary>
internal static class FindRegistrationByNumber
{
    public static async Task<Guid?> HandleAsync(string number, Actor actor, CivilDbContext db, CancellationToken ct)
    {
        var found = await db.Registrations.AsNoTracking().Where(r => r.Number == number)
            .Select(r => new { r.Id, r.OfficeCode }).FirstOrDefaultAsync(ct);
        return found is not null && actor.Jurisdiction.Covers(found.OfficeCode) ? found.Id : null;
    }
}
