using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.Corrections;

/// <summary>
/// A registrar other than the requester approves a correction (a new version of the record, which
/// the Population Registry follows) or refuses it with a note. Nothing is overwritten: certificates
/// of the earlier versions stay verifiable as superseded.
/// </summary>
internal static class DecideCorrection
{
    public static async Task<Outcome<CorrectionView>> HandleAsync(
        Guid registrationId, Guid correctionId, CorrectionDecision decision, Actor actor, CivilDbContext db, RegistrationRecords registrations,
        IPopulationRegistry registry, StaffDirectory staff, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var r = await registrations.FindAsync(registrationId, actor, track: true, ct);
        var c = r is null ? null : await db.Corrections.FirstOrDefaultAsync(x => x.Id == correctionId && x.RegistrationId == r.Id, ct);
        if (r is null || c is null)
        {
            return Outcome<CorrectionView>.NotFound("No such correction in your area.");
        }

        if (c.Status != CorrectionStatus.Pending)
        {
            return Outcome<CorrectionView>.Conflict($"The correction was already {c.Status.ToString().ToLowerInvariant()}.");
        }

        if (!actor.IsInRole(Roles.Registrar))
        {
            return Outcome<CorrectionView>.Invalid("approve", "Only a registrar decides on a correction.");
        }

        if (c.RequestedBy == actor.Id)
        {
            return Outcome<CorrectionView>.Invalid("approve", "A correction must be decided by a registrar other than the one who requested it.");
        }

        var note = Fields.Trimmed(decision.Note);
        if (note is { Length: > 1000 } || note?.Any(char.IsControl) == true)
        {
            return Outcome<CorrectionView>.Invalid("note", "The note must be at most 1,000 characters of text.");
        }

        if (!decision.Approve && note is null)
        {
            return Outcome<CorrectionView>.Invalid("note", "State why the correction is refused.");
        }

        if (c.BaseVersion != r.Version)
        {
            return Outcome<CorrectionView>.Conflict("The record changed since the correction was requested: request it again.");
        }

        var name = await staff.DisplayNameAsync(actor, ct);
        if (decision.Approve)
        {
            var propagated = await PropagateAsync(r, c, actor, registry, ct);
            if (propagated is not null)
            {
                return Outcome<CorrectionView>.Invalid("approve", propagated);
            }

            RegistrationVersions.Add(db, r, c.Dossier, actor.Id, c.Reason, clock.GetUtcNow(), c.Id);
            c.ResultingVersion = r.Version;
        }

        c.Status = decision.Approve ? CorrectionStatus.Approved : CorrectionStatus.Rejected;
        c.DecidedBy = actor.Id;
        c.DecidedByName = name;
        c.DecidedAt = clock.GetUtcNow();
        c.DecisionNote = note;
        registrations.AddEvent(r, actor, name, decision.Approve ? "correction.approved" : "correction.rejected", note);
        await audit.AppendAsync(new AuditEvent(actor, decision.Approve ? "civil.correction.approve" : "civil.correction.reject",
            "registration", r.Id.ToString(), "civil registration correction"), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<CorrectionView>.Conflict("The record was changed by someone else meanwhile: open it again.");
        }

        return Outcome<CorrectionView>.Ok(RequestCorrection.View(c));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/corrections/{correctionId:guid}/decision", async (Guid id, Guid correctionId, CorrectionDecision decision, HttpContext http,
                CivilDbContext db, RegistrationRecords registrations, IPopulationRegistry registry, StaffDirectory staff, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, correctionId, decision, http.Actor(), db, registrations, registry, staff, audit, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("DecideCorrection")
            .WithSummary("A registrar other than the requester approves (a new version of the record) or refuses the correction");

    /// <summary>The Population Registry follows a corrected birth or death (NSPI 6.2.3: data updates to the PR).</summary>
    private static async Task<string?> PropagateAsync(RegistrationEntity r, CorrectionEntity c, Actor actor, IPopulationRegistry registry, CancellationToken ct)
    {
        PersonCorrection? change = null;
        if (Marriages.MarriageCorrections.Handles(r.Event))
        {
            // What the registry follows of a marriage or its end (spouses, dates) is not corrected (RequestCorrection refuses it).
            return null;
        }

        if (r.Event == VitalEvent.Birth)
        {
            var before = Dossiers.Read<BirthDossier>(r.Dossier);
            var after = Dossiers.Read<BirthDossier>(c.Dossier);
            var (b, a) = (before.Child!, after.Child!);
            change = new PersonCorrection(
                Changed(b.SurnameKm, a.SurnameKm), Changed(b.GivenNameKm, a.GivenNameKm),
                Changed(b.SurnameLatin, a.SurnameLatin), Changed(b.GivenNameLatin, a.GivenNameLatin),
                b.Sex == a.Sex ? null : Enum.Parse<Sex>(a.Sex!),
                b.BirthDate == a.BirthDate ? null : DateOnly.Parse(a.BirthDate!, System.Globalization.CultureInfo.InvariantCulture),
                Changed(b.BirthPlaceCode, a.BirthPlaceCode),
                Changed(before.Mother?.Kidc, after.Mother?.Kidc), Changed(before.Father?.Kidc, after.Father?.Kidc),
                $"Birth registration {r.Number} corrected: {c.Reason}");
        }
        else
        {
            var before = Dossiers.Read<DeathDossier>(r.Dossier);
            var after = Dossiers.Read<DeathDossier>(c.Dossier);
            if (before.DeathDate != after.DeathDate)
            {
                change = new PersonCorrection(null, null, null, null, null, null, null, null, null, $"Death registration {r.Number} corrected: {c.Reason}")
                {
                    DeathDate = DateOnly.Parse(after.DeathDate!, System.Globalization.CultureInfo.InvariantCulture),
                };
            }
        }

        if (change is null || IsEmpty(change))
        {
            return null;
        }

        var outcome = await registry.CorrectAsync(r.SubjectKidc!, change, actor, $"crvs:correction:{c.Id}", ct);
        return outcome.IsOk ? null
            : "The Population Registry refused the correction: " +
              string.Join(" ", outcome.Errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}"))) + outcome.Message;
    }

    private static bool IsEmpty(PersonCorrection c) =>
        c.SurnameKm is null && c.GivenNameKm is null && c.SurnameLatin is null && c.GivenNameLatin is null && c.Sex is null &&
        c.BirthDate is null && c.BirthPlaceCode is null && c.MotherKidc is null && c.FatherKidc is null && c.DeathDate is null;

    private static string? Changed(string? before, string? after) => before == after ? null : after;
}
