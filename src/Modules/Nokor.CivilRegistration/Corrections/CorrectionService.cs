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

/// <summary>A request to correct a registered record: the whole corrected dossier, the reason and the evidence.</summary>
public sealed record CorrectionRequest
{
    public BirthDossier? Birth { get; init; }
    public DeathDossier? Death { get; init; }
    public string? Reason { get; init; }
    /// <summary>An annex of the registration holding the evidence (a court decision, a hospital letter).</summary>
    public Guid? EvidenceAnnexId { get; init; }
}

/// <summary>The registrar's decision on a correction.</summary>
public sealed record CorrectionDecision(bool Approve, string? Note);

/// <summary>
/// Corrections of registered records: requested with a reason and evidence, approved by a registrar
/// other than the requester; approval makes a new version of the record, and certificates of the
/// earlier versions stay verifiable as superseded. Nothing is overwritten.
/// </summary>
internal sealed class CorrectionService(
    CivilDbContext db,
    RegistrationService registrations,
    DossierValidator validator,
    IPopulationRegistry registry,
    StaffDirectory staff,
    IAuditLog audit,
    TimeProvider clock)
{
    public async Task<Outcome<CorrectionView>> RequestAsync(Guid registrationId, CorrectionRequest request, Actor actor, CancellationToken ct)
    {
        var r = await registrations.FindAsync(registrationId, actor, track: false, ct);
        if (r is null)
        {
            return Outcome<CorrectionView>.NotFound("No registration with this id in your area.");
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
        if (r.Event == VitalEvent.Birth)
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
            return Outcome<CorrectionView>.Invalid(r.Event == VitalEvent.Birth ? "birth" : "death", "The corrected dossier is the same as the registered one.");
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

    public async Task<Outcome<CorrectionView>> DecideAsync(Guid registrationId, Guid correctionId, CorrectionDecision decision, Actor actor, CancellationToken ct)
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
            var propagated = await PropagateAsync(r, c, actor, ct);
            if (propagated is not null)
            {
                return Outcome<CorrectionView>.Invalid("approve", propagated);
            }

            var now = clock.GetUtcNow();
            r.Version++;
            r.Dossier = c.Dossier;
            ApplyFacts(r);
            r.Revision++;
            db.Versions.Add(new RegistrationVersionEntity
            {
                RegistrationId = r.Id, Version = r.Version, Dossier = c.Dossier, At = now, By = actor.Id, Reason = c.Reason, CorrectionId = c.Id,
            });
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

        return Outcome<CorrectionView>.Ok(View(c));
    }

    /// <summary>The Population Registry follows a corrected birth or death (NSPI 6.2.3: data updates to the PR).</summary>
    private async Task<string?> PropagateAsync(RegistrationEntity r, CorrectionEntity c, Actor actor, CancellationToken ct)
    {
        PersonCorrection? change = null;
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

    /// <summary>Updates the searchable facts of the record from its corrected dossier.</summary>
    private static void ApplyFacts(RegistrationEntity r)
    {
        if (r.Event == VitalEvent.Birth)
        {
            var child = Dossiers.Read<BirthDossier>(r.Dossier).Child!;
            r.SubjectNameKm = $"{child.SurnameKm} {child.GivenNameKm}";
            r.SubjectNameLatin = $"{child.SurnameLatin} {child.GivenNameLatin}";
            r.SubjectNameKey = NameKeys.KhmerKey(r.SubjectNameKm);
            r.SubjectSex = child.Sex;
            r.SubjectBirthDate = child.BirthDate;
            r.SubjectResidenceCode = child.ResidenceVillageCode;
            r.EventDate = DateOnly.Parse(child.BirthDate!, System.Globalization.CultureInfo.InvariantCulture);
            r.EventPlaceCode = child.BirthPlaceCode!;
        }
        else
        {
            var death = Dossiers.Read<DeathDossier>(r.Dossier);
            r.EventDate = DateOnly.Parse(death.DeathDate!, System.Globalization.CultureInfo.InvariantCulture);
            r.EventPlaceCode = death.DeathPlaceCode!;
        }
    }

    private static CorrectionView View(CorrectionEntity c) => new(
        c.Id, c.BaseVersion, c.Status, c.Reason, c.EvidenceAnnexId, c.RequestedByName, c.RequestedAt, c.DecidedByName, c.DecidedAt, c.DecisionNote, c.ResultingVersion);

    /// <summary>A stored full name ("surname given names") split at its first space.</summary>
    private static (string? Surname, string? Given) Split(string full)
    {
        var space = full.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (full, null) : (full[..space], full[(space + 1)..]);
    }
}
