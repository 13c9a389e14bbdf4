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
/// Corrections of registered records: requested with a reason and evidence, approved by a registrar
/// other than the requester (<see cref="DecideCorrection"/>); approval makes a new version of the
/// record, and certificates of the earlier versions stay verifiable as superseded. Nothing is overwritten.
/// </summary>
internal static class RequestCorrection
{
    public static async Task<Outcome<CorrectionView>> HandleAsync(
        Guid registrationId, CorrectionRequest request, Actor actor, CivilDbContext db, RegistrationRecords registrations, DossierValidator validator,
        Marriages.MarriageCorrections marriages, StaffDirectory staff, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var r = await registrations.FindAsync(registrationId, actor, track: false, ct);
        if (r is null)
        {
            return Outcome<CorrectionView>.NotFound(RegistrationRecords.NotFoundMessage);
        }

        if (r.Event is VitalEvent.Adoption or VitalEvent.Recognition or VitalEvent.Legitimization or VitalEvent.FoetalDeath or VitalEvent.NameChange)
        {
            return Outcome<CorrectionView>.Conflict(r.Event == VitalEvent.FoetalDeath
                ? "A foetal death registration is not corrected through this form yet: reject and enter it again before approval, or ask the senior registrar."
                : "This registration follows a decision or a declaration: a mistake in it is corrected by a new decision, or in the birth registration it changed.");
        }

        var errors = new FieldErrors();
        if (r.Status != RegistrationStatus.Approved)
        {
            return Outcome<CorrectionView>.Conflict("Only a registered (approved) record is corrected; before approval the application is fixed by rejecting and entering it again.");
        }

        var reason = Fields.Trimmed(request.Reason);
        if (reason is null)
        {
            errors.Add("reason", "State the reason for the correction.");
        }
        else if (reason.Length > 1000 || reason.Any(char.IsControl))
        {
            errors.Add("reason", "The reason must be at most 1,000 characters of text.");
        }

        if (request.EvidenceAnnexId is null)
        {
            errors.Add("evidenceAnnexId", "Attach the evidence as an annex of the registration first, and name it here.");
        }
        else if (!await db.Annexes.AnyAsync(a => a.Id == request.EvidenceAnnexId && a.RegistrationId == r.Id, ct))
        {
            errors.Add("evidenceAnnexId", "No annex with this id belongs to the registration.");
        }

        if (await db.Corrections.AnyAsync(c => c.RegistrationId == r.Id && c.Status == CorrectionStatus.Pending, ct))
        {
            return Outcome<CorrectionView>.Conflict("A correction of this record is already waiting for a decision.");
        }

        string? dossier = null;
        if (Marriages.MarriageCorrections.Handles(r.Event))
        {
            dossier = await marriages.DossierAsync(r, request, actor, errors, ct);
        }
        else if (r.Event == VitalEvent.Birth)
        {
            var (birth, _) = await validator.BirthAsync(request.Birth, actor, errors, $"civil registration correction of {r.Id}", ct);
            dossier = birth is null ? null : Dossiers.Write(birth);
        }
        else
        {
            // The deceased stays the same person: the KIDC of a death record is not corrected here,
            // and the deceased's names, sex and date of birth are those registered unless given.
            var registered = Dossiers.Read<DeathDossier>(r.Dossier);
            var (surnameKm, givenNameKm) = Split(r.SubjectNameKm);
            var (surnameLatin, givenNameLatin) = Split(r.SubjectNameLatin);
            var input = request.Death is null ? null : request.Death with
            {
                DeceasedKidc = r.SubjectKidc,
                DeceasedSurnameKm = request.Death.DeceasedSurnameKm ?? registered.DeceasedSurnameKm ?? surnameKm,
                DeceasedGivenNameKm = request.Death.DeceasedGivenNameKm ?? registered.DeceasedGivenNameKm ?? givenNameKm,
                DeceasedSurnameLatin = request.Death.DeceasedSurnameLatin ?? registered.DeceasedSurnameLatin ?? surnameLatin,
                DeceasedGivenNameLatin = request.Death.DeceasedGivenNameLatin ?? registered.DeceasedGivenNameLatin ?? givenNameLatin,
                DeceasedSex = request.Death.DeceasedSex ?? registered.DeceasedSex ?? r.SubjectSex,
                DeceasedBirthDate = request.Death.DeceasedBirthDate ?? registered.DeceasedBirthDate ?? r.SubjectBirthDate,
            };
            var (death, _) = await validator.DeathAsync(input, actor, errors, $"civil registration correction of {r.Id}", ct, correcting: true);
            dossier = death is null ? null : Dossiers.Write(death);
        }

        if (errors.Any)
        {
            return Outcome<CorrectionView>.Invalid(errors);
        }

        if (dossier == r.Dossier)
        {
            return Outcome<CorrectionView>.Invalid(r.Event switch
            {
                VitalEvent.Birth => "birth",
                VitalEvent.Marriage => "marriage",
                VitalEvent.Divorce or VitalEvent.Annulment or VitalEvent.LegalSeparation => "dissolution",
                _ => "death",
            }, "The corrected dossier is the same as the registered one.");
        }

        var name = await staff.DisplayNameAsync(actor, ct);
        var correction = new CorrectionEntity
        {
            Id = Guid.CreateVersion7(),
            RegistrationId = r.Id,
            BaseVersion = r.Version,
            Status = CorrectionStatus.Pending,
            Dossier = dossier!,
            Reason = KhmerText.ContainsKhmer(reason!) ? KhmerText.Normalize(reason!) : reason!,
            EvidenceAnnexId = request.EvidenceAnnexId,
            RequestedBy = actor.Id,
            RequestedByName = name,
            RequestedAt = clock.GetUtcNow(),
        };
        db.Corrections.Add(correction);
        registrations.AddEvent(r, actor, name, "correction.requested", correction.Reason);
        await audit.AppendAsync(new AuditEvent(actor, "civil.correction.request", "registration", r.Id.ToString(), "civil registration correction"), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CorrectionView>.Ok(View(correction));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/corrections", async (Guid id, CorrectionRequest request, HttpContext http, CivilDbContext db,
                RegistrationRecords registrations, DossierValidator validator, Marriages.MarriageCorrections marriages, StaffDirectory staff, IAuditLog audit,
                TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, request, http.Actor(), db, registrations, validator, marriages, staff, audit, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("RequestCorrection")
            .WithSummary("Request a correction of a registered record, with the reason and an evidence annex");

    internal static CorrectionView View(CorrectionEntity c) => new(
        c.Id, c.BaseVersion, c.Status, c.Reason, c.EvidenceAnnexId, c.RequestedByName, c.RequestedAt, c.DecidedByName, c.DecidedAt, c.DecisionNote, c.ResultingVersion);

    /// <summary>A stored full name ("surname given names") split at its first space.</summary>
    private static (string? Surname, string? Given) Split(string full)
    {
        var space = full.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (full, null) : (full[..space], full[(space + 1)..]);
    }
}
