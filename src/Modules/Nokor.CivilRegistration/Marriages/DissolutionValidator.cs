using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Marriages;

/// <summary>
/// Checks a divorce, annulment or legal separation: the marriage, by its registration number, must
/// be registered in the caller's area and in force (a legal separation suspends it: a separated
/// marriage may still be divorced or annulled, not separated again); no other application to end it
/// may be open; the decision is a court's, or for a divorce an administrative one only where
/// <see cref="MarriageRules.AdministrativeDivorce"/> allows it; its dates lie between the marriage
/// and today. A decision received from the courts' system fills what the clerk left empty and must
/// agree with what the clerk typed.
/// </summary>
internal sealed class DissolutionValidator(GazetteerService gazetteer, CivilDbContext db, IOptions<CivilRegistrationOptions> options, TimeProvider clock)
{
    public static readonly string[] Petitioners = ["husband", "wife", "both"];

    /// <summary>The answer for a number that is not a marriage registered in the caller's area (the same whatever the reason).</summary>
    public const string NotRegistered = "No marriage is registered with this number in your area: check the number on the marriage certificate.";

    /// <param name="e">Divorce, Annulment or LegalSeparation.</param>
    /// <param name="input">The dossier as entered.</param>
    /// <param name="decision">The court decision the application completes, if any.</param>
    /// <param name="actor">Who enters it.</param>
    /// <param name="errors">Field errors are added here.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="correcting">The registration being corrected: it is not "another open application", and the marriage may already be ended by it.</param>
    public async Task<(DissolutionDossier? Dossier, DossierFacts? Facts)> DissolutionAsync(
        VitalEvent e, DissolutionDossier? input, CourtDecisionEntity? decision, Actor actor, FieldErrors errors, CancellationToken ct, Guid? correcting = null)
    {
        var f = new Fields(errors, gazetteer);
        if (input is null)
        {
            errors.Add("dissolution", "The details of the decision are required.");
            return (null, null);
        }

        var fromCourt = decision is null ? null : Received(decision);
        var today = CambodiaTime.Today(clock);
        var number = Fields.Trimmed(input.MarriageNumber ?? fromCourt?.MarriageNumber)?.ToUpperInvariant();
        MarriageEntity? marriage = null;
        RegistrationEntity? registration = null;
        if (number is null)
        {
            errors.Add("dissolution.marriageNumber", "The marriage's registration number is required (M…, on the marriage certificate).");
        }
        else if (!Numbers.RegistrationNumbers.LooksLikeNumber(number) || number[0] != 'M')
        {
            errors.Add("dissolution.marriageNumber", "A marriage registration number looks like M120101-2024-000042.");
        }
        else
        {
            marriage = await db.Marriages.AsNoTracking().FirstOrDefaultAsync(m => m.Number == number, ct);
            registration = marriage is null ? null : await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == marriage.RegistrationId, ct);
            if (marriage is null || registration is null || !actor.Jurisdiction.Covers(marriage.OfficeCode))
            {
                errors.Add("dissolution.marriageNumber", NotRegistered);
                marriage = null;
            }
            else if (Ended(e, marriage, correcting) is { } ended)
            {
                errors.Add("dissolution.marriageNumber", ended);
            }
        }

        var authority = f.Enum<DecisionAuthority>("dissolution.authority", input.Authority ?? (decision is null ? null : nameof(DecisionAuthority.Court)), required: true);
        if (authority == DecisionAuthority.Administrative)
        {
            if (e != VitalEvent.Divorce)
            {
                errors.Add("dissolution.authority", $"An {RegistrationRecords.Kind(e).Replace('-', ' ')} is decided by a court only.");
            }
            else if (!options.Value.Marriage.AdministrativeDivorce)
            {
                errors.Add("dissolution.authority", "The Civil Code of Cambodia gives divorce to the courts: an administrative decision of divorce cannot be registered.");
            }
            else if (decision is not null)
            {
                errors.Add("dissolution.authority", "This application completes a court decision.");
            }
        }

        var court = Agreeing("dissolution.court", f.Text("dissolution.court", input.Court, required: false, max: 200), decision?.Court, errors);
        if (authority == DecisionAuthority.Court && court is null && !errors.Has("dissolution.court"))
        {
            errors.Add("dissolution.court", "Name the court that gave the decision.");
        }

        var caseNumber = Agreeing("dissolution.caseNumber", f.Text("dissolution.caseNumber", input.CaseNumber, required: false, max: 64), decision?.CaseNumber, errors);
        if (caseNumber is null && !errors.Has("dissolution.caseNumber"))
        {
            errors.Add("dissolution.caseNumber", "The decision's case (or reference) number is required.");
        }

        var decided = f.Date("dissolution.decisionDate", input.DecisionDate ?? decision?.DecisionDate.ToString("yyyy-MM-dd"), required: true);
        var effective = f.Date("dissolution.effectiveDate", input.EffectiveDate ?? decision?.EffectiveDate?.ToString("yyyy-MM-dd") ?? input.DecisionDate, required: true);
        if (decision is not null && decided is { } dd && dd != decision.DecisionDate)
        {
            errors.Add("dissolution.decisionDate", $"The court decision received is dated {decision.DecisionDate:yyyy-MM-dd}.");
        }

        foreach (var (field, date) in new[] { ("dissolution.decisionDate", decided), ("dissolution.effectiveDate", effective) })
        {
            if (date > today)
            {
                errors.Add(field, "This date is after today, the date of registration.");
            }
            else if (marriage is not null && date < marriage.MarriageDate)
            {
                errors.Add(field, $"This date is before the marriage ({marriage.MarriageDate:yyyy-MM-dd}).");
            }
        }

        if (effective < decided && !errors.Has("dissolution.effectiveDate"))
        {
            errors.Add("dissolution.effectiveDate", "The decision takes effect on or after the day it is given.");
        }

        var petitioner = Fields.Trimmed(input.Petitioner)?.ToLowerInvariant();
        if (petitioner is not null && !Petitioners.Contains(petitioner))
        {
            errors.Add("dissolution.petitioner", $"Use one of {string.Join(", ", Petitioners)}.");
        }

        var dossier = new DissolutionDossier
        {
            MarriageNumber = number,
            Authority = authority?.ToString(),
            Court = court,
            CaseNumber = caseNumber,
            DecisionDate = decided?.ToString("yyyy-MM-dd"),
            EffectiveDate = effective?.ToString("yyyy-MM-dd"),
            Petitioner = petitioner,
            DependentChildren = f.Range("dissolution.dependentChildren", input.DependentChildren, 0, 30, required: false, "number of dependent children"),
            Informant = input.Informant is null ? null : DossierValidator.Informant("dissolution.informant", input.Informant, f),
        };
        if (errors.Any)
        {
            return (null, null);
        }

        // One application at a time ends a marriage: a second open one is refused on the number.
        var open = await db.Registrations.AsNoTracking()
            .Where(r => (r.Event == VitalEvent.Divorce || r.Event == VitalEvent.Annulment || r.Event == VitalEvent.LegalSeparation) &&
                (r.Status == RegistrationStatus.Entered || r.Status == RegistrationStatus.Verified) && r.Id != correcting && r.Dossier.Contains(number!))
            .Select(r => new { r.Event, r.Dossier }).ToListAsync(ct);
        if (open.FirstOrDefault(r => Dossiers.Read<DissolutionDossier>(r.Dossier).MarriageNumber == number) is { } pending)
        {
            errors.Add("dissolution.marriageNumber", $"An application to register the {RegistrationRecords.Kind(pending.Event).Replace('-', ' ')} of this marriage is already open.");
            return (null, null);
        }

        return (dossier, new DossierFacts(
            effective!.Value,
            registration!.EventPlaceCode,
            registration.SubjectNameKm,
            registration.SubjectNameLatin,
            registration.SubjectKidc,
            null,
            null,
            registration.SubjectResidenceCode));
    }

    /// <summary>
    /// Why the marriage cannot be ended (or suspended) by this event, or null: a marriage dissolved,
    /// annulled or ended by death is ended; a separated one may still be divorced or annulled.
    /// </summary>
    public static string? Ended(VitalEvent e, MarriageEntity m, Guid? correcting = null)
    {
        if (m.EndedByRegistrationId is { } by && by == correcting)
        {
            return null;
        }

        return m.State switch
        {
            MarriageState.InForce => null,
            MarriageState.Separated when e != VitalEvent.LegalSeparation => null,
            MarriageState.Separated => $"This marriage is already legally separated by {m.EndedByNumber} since {m.EndedOn:yyyy-MM-dd}.",
            MarriageState.EndedByDeath => $"This marriage already ended by the death of a spouse ({m.EndedByNumber}) on {m.EndedOn:yyyy-MM-dd}.",
            MarriageState.Annulled => $"This marriage was already annulled by {m.EndedByNumber} on {m.EndedOn:yyyy-MM-dd}.",
            _ => $"This marriage already ended by {m.EndedByNumber} on {m.EndedOn:yyyy-MM-dd}.",
        };
    }

    /// <summary>The marriage number a received decision names, when its details carry one (as <c>marriageNumber</c>).</summary>
    private static DissolutionDossier? Received(CourtDecisionEntity decision)
    {
        try
        {
            return Dossiers.Read<DissolutionDossier>(decision.Details);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>What the clerk typed, or the received decision's value; the two must agree when both are given.</summary>
    private static string? Agreeing(string field, string? typed, string? received, FieldErrors errors)
    {
        if (typed is not null && received is not null && !string.Equals(typed, received, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(field, $"The court decision received says \"{received}\".");
        }

        return typed ?? received;
    }
}
