using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>
/// Every registration about a person, in the order of the events (issue 17, "linked history"): as
/// subject (birth, death, name change; the adoptee of an adoption, the child of a recognition or
/// legitimization), as husband or wife of a marriage (the marriage register by KIDC, and the
/// applications not yet approved), and the divorces, annulments and separations of those
/// marriages. Rejected applications are not events and are left out.
/// <para>
/// Jurisdiction: a person's registrations are personal data. Staff whose area covers the person's
/// residence (the office that serves them) see all of them; other staff see only those registered
/// by an office of their area; when that leaves nothing, the person is not found (404, as for a
/// record outside the area). The read, and the registry look-up of the residence, are audited
/// with the stated purpose.
/// </para>
/// </summary>
internal static class ListLifeEvents
{
    public static async Task<Outcome<IReadOnlyList<LifeEvent>>> HandleAsync(
        string kidc, string? purposeText, Actor actor, CivilDbContext db, IPopulationRegistry registry, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationPurpose.Purpose(purposeText, errors);
        if (!KidcRule.IsValid(kidc))
        {
            errors.Add("kidc", "This is not a valid KIDC: 10 digits whose Modulus 11 check digit matches.");
        }

        if (errors.Any)
        {
            return Outcome<IReadOnlyList<LifeEvent>>.Invalid(errors);
        }

        var rows = new Dictionary<Guid, (RegistrationEntity Registration, string Role, string Summary)>();

        // As subject.
        foreach (var r in await db.Registrations.AsNoTracking().Where(r => r.SubjectKidc == kidc && r.Status != RegistrationStatus.Rejected).ToListAsync(ct))
        {
            if (r.Event is not (VitalEvent.Marriage or VitalEvent.Divorce or VitalEvent.Annulment or VitalEvent.LegalSeparation))
            {
                rows[r.Id] = (r, SubjectRole(r.Event), SubjectSummary(r));
            }
        }

        // As husband or wife: the marriage register, then the marriages still in the procedure.
        var marriages = await db.Marriages.AsNoTracking().Where(m => m.HusbandKidc == kidc || m.WifeKidc == kidc).ToListAsync(ct);
        var marriageIds = marriages.Select(m => m.RegistrationId).ToList();
        foreach (var r in await db.Registrations.AsNoTracking().Where(r => marriageIds.Contains(r.Id)).ToListAsync(ct))
        {
            var m = marriages.First(x => x.RegistrationId == r.Id);
            rows[r.Id] = (r, m.HusbandKidc == kidc ? "husband" : "wife", $"{m.HusbandName} · {m.WifeName} ({m.State})");
        }

        // An application's dossier names the spouses by KIDC; the text search is only on marriages in the procedure, which are few.
        var pending = await db.Registrations.AsNoTracking()
            .Where(r => r.Event == VitalEvent.Marriage && (r.Status == RegistrationStatus.Entered || r.Status == RegistrationStatus.Verified) && r.Dossier.Contains(kidc))
            .ToListAsync(ct);
        foreach (var r in pending)
        {
            var dossier = Dossiers.Read<MarriageDossier>(r.Dossier);
            var role = dossier.Husband?.Kidc == kidc ? "husband" : dossier.Wife?.Kidc == kidc ? "wife" : null;
            if (role is not null)
            {
                rows[r.Id] = (r, role, $"{SpouseName(dossier.Husband)} · {SpouseName(dossier.Wife)}");
            }
        }

        // The dissolutions of those marriages: the one that ended each, and any in the procedure (by the marriage's number).
        foreach (var m in marriages)
        {
            var role = m.HusbandKidc == kidc ? "husband" : "wife";
            var number = m.Number;
            var ended = m.EndedByRegistrationId;
            var candidates = await db.Registrations.AsNoTracking()
                .Where(r => (r.Event == VitalEvent.Divorce || r.Event == VitalEvent.Annulment || r.Event == VitalEvent.LegalSeparation) && r.Status != RegistrationStatus.Rejected && (r.Id == ended || r.Dossier.Contains(number)))
                .ToListAsync(ct);
            foreach (var r in candidates.Where(r => r.Id == ended || Dossiers.Read<DissolutionDossier>(r.Dossier).MarriageNumber == number))
            {
                rows[r.Id] = (r, role, $"{number} · {m.HusbandName} · {m.WifeName}");
            }
        }

        // Jurisdiction: all of them for the office of the person's residence, else those of the caller's area.
        var visible = rows.Values.ToList();
        if (!actor.Jurisdiction.IsNational)
        {
            var person = await registry.FindAsync(kidc, actor, purpose!, ct);
            if (person is null || !actor.Jurisdiction.Covers(person.Residence.VillageCode))
            {
                visible = visible.Where(v => actor.Jurisdiction.Covers(v.Registration.OfficeCode)).ToList();
                if (visible.Count == 0)
                {
                    return Outcome<IReadOnlyList<LifeEvent>>.NotFound("No person with this KIDC in your area.");
                }
            }
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.person.events", "person", kidc, purpose!,
            AuditDetails.Of(new { registrations = visible.Select(v => v.Registration.Id).ToArray() })), ct);
        return Outcome<IReadOnlyList<LifeEvent>>.Ok(visible
            .OrderBy(v => v.Registration.EventDate).ThenBy(v => v.Registration.Event == VitalEvent.Birth ? 0 : 1).ThenBy(v => v.Registration.EnteredAt)
            .Select(v => new LifeEvent(v.Registration.Id, v.Registration.Event, v.Registration.Status, v.Registration.Number,
                v.Registration.EventDate.ToString("yyyy-MM-dd"), v.Role, v.Summary))
            .ToList());
    }

    private static string SubjectRole(VitalEvent e) => e switch
    {
        VitalEvent.Adoption => "adoptee",
        VitalEvent.Recognition or VitalEvent.Legitimization => "child",
        _ => "subject",
    };

    private static string SubjectSummary(RegistrationEntity r)
    {
        var name = $"{r.SubjectNameKm} ({r.SubjectNameLatin})";
        return r.Event switch
        {
            VitalEvent.NameChange when Dossiers.Read<NameChangeDossier>(r.Dossier) is { } n =>
                $"{name} → {string.Join(' ', new[] { n.NewSurnameKm, n.NewGivenNameKm }.Where(x => !string.IsNullOrEmpty(x)))}",
            VitalEvent.Adoption when Dossiers.Read<AdoptionDossier>(r.Dossier) is { } a =>
                $"{name} · {a.Kind} · {a.Court} {a.CaseNumber}".TrimEnd(),
            VitalEvent.Recognition or VitalEvent.Legitimization when Dossiers.Read<RecognitionDossier>(r.Dossier) is { } c =>
                $"{name} · {c.ParentRole}: {ParentName(c.Parent)}",
            _ => name,
        };
    }

    private static string SpouseName(SpouseDetails? s) =>
        s is null ? "" : string.IsNullOrEmpty(s.SurnameKm) ? $"{s.SurnameLatin} {s.GivenNameLatin}".Trim() : $"{s.SurnameKm} {s.GivenNameKm}".Trim();

    private static string ParentName(ParentDetails? p) =>
        p is null ? "" : string.IsNullOrEmpty(p.SurnameKm) ? $"{p.SurnameLatin} {p.GivenNameLatin}".Trim() : $"{p.SurnameKm} {p.GivenNameKm}".Trim();

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/persons/{kidc}/events", async (string kidc, HttpContext http, CivilDbContext db, IPopulationRegistry registry, IAuditLog audit, CancellationToken ct) =>
                (await HandleAsync(kidc, http.StatedPurpose(), http.Actor(), db, registry, audit, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("ListLifeEvents")
            .WithSummary("Every registration about a person, in the order of the events, with the person's role in each")
            .WithDescription("Requires the X-Purpose header, recorded in the audit log. Staff of the person's residence area see all of them; others only those registered in their area (404 when none).");
}
