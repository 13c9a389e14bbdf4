using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// Keeps <c>crvs_vital_facts</c> in step with the register: before the civil context saves, each
/// registration added or changed in that save gets its statistical record written alongside, and an
/// original certificate printed marks when the certificate was first issued. One save, one
/// transaction: a statistic never counts a registration the register does not hold.
/// </summary>
internal static class VitalFactTracker
{
    public static async Task FollowAsync(CivilDbContext db, CancellationToken ct)
    {
        var registrations = db.ChangeTracker.Entries<RegistrationEntity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity)
            .ToList();
        var certified = db.ChangeTracker.Entries<CertificateEntity>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
        var corrected = db.ChangeTracker.Entries<CorrectionEntity>()
            .Where(e => e.State == EntityState.Modified && e.Entity.Status == CorrectionStatus.Approved &&
                        e.Property(c => c.Status).OriginalValue != CorrectionStatus.Approved)
            .Select(e => e.Entity.RegistrationId)
            .ToList();
        if (registrations.Count == 0 && certified.Count == 0 && corrected.Count == 0)
        {
            return;
        }

        var ids = registrations.Select(r => r.Id).Concat(certified.Select(c => c.RegistrationId)).Concat(corrected).Distinct().ToList();
        var tracked = db.ChangeTracker.Entries<VitalFactEntity>().ToDictionary(e => e.Entity.RegistrationId, e => e.Entity);
        // A registration added in this save has no record yet; the others may (registrations from
        // before vital statistics existed get theirs here, or from VitalFactBackfill).
        var added = registrations.Where(r => db.Entry(r).State == EntityState.Added).Select(r => r.Id).ToHashSet();
        var missing = ids.Where(id => !tracked.ContainsKey(id) && !added.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var fact in await db.VitalFacts.Where(f => missing.Contains(f.RegistrationId)).ToListAsync(ct))
            {
                tracked[fact.RegistrationId] = fact;
            }
        }

        var marriages = await VitalFacts.MarriagesOfAsync(db, registrations, ct);
        foreach (var r in registrations)
        {
            if (!tracked.TryGetValue(r.Id, out var fact))
            {
                fact = new VitalFactEntity { OfficeCode = r.OfficeCode, OccurrenceCode = r.EventPlaceCode };
                db.VitalFacts.Add(fact);
                tracked[r.Id] = fact;
            }

            VitalFacts.Apply(r, fact, VitalFacts.MarriageNumberOf(r) is { } number ? marriages.GetValueOrDefault(number) : null);
        }

        foreach (var c in certified)
        {
            if (tracked.TryGetValue(c.RegistrationId, out var fact) && fact.FirstCertificateAt is null)
            {
                fact.FirstCertificateAt = c.IssuedAt;
            }
        }

        foreach (var id in corrected)
        {
            if (tracked.TryGetValue(id, out var fact))
            {
                fact.Corrections++;
            }
        }
    }
}
