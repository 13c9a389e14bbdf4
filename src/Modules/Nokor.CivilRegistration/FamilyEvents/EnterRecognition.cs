using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// The agent enters a recognition of a child by a father (or a mother), both by KIDC, on a
/// declaration or a paternity judgment; or a legitimization, which names the registered marriage
/// of the child's parents. Refused when the child already has a parent in that role; a
/// legitimization needs the spouses of a marriage in force (or ended after the birth) to be both
/// the child's parents once it is applied. Approval adds the parent in the registry and in a new
/// version of the child's birth registration (<see cref="RecognitionProcedure"/>).
/// </summary>
internal static class EnterRecognition
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(
        RecognitionApplication application, Actor actor, RegistrationEntry entry, FamilyChecks checks, CivilDbContext db, IPopulationRegistry registry,
        CancellationToken ct)
    {
        var e = application.Legitimization ? VitalEvent.Legitimization : VitalEvent.Recognition;
        if (application.Id is { } id && await entry.ExistingAsync(id, e, actor, ct) is { } existing)
        {
            return existing;
        }

        var errors = new FieldErrors();
        var registrationId = application.Id ?? Guid.CreateVersion7();
        var decision = await entry.CourtDecisionAsync(application.CourtDecisionId, VitalEvent.Recognition, actor, errors, ct);
        if (decision is not null && application.Legitimization)
        {
            errors.Add("courtDecisionId", "A paternity judgment opens a recognition, not a legitimization.");
        }

        var (dossier, facts) = await ValidateAsync(application.Recognition, application.Legitimization, decision, actor, checks, db, registry, errors,
            RegistrationEntry.Act(registrationId), ct);
        if (errors.Any)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        if (await FamilyChecks.OpenAsync(db, e, facts!.SubjectKidc!, ct))
        {
            return Outcome<RegistrationView>.Invalid("recognition.child.kidc",
                $"A {RegistrationRecords.Kind(e)} application for this child is already open: complete or reject it first.");
        }

        return await entry.CreateAsync(application.Id, registrationId, e, Dossiers.Write(dossier), facts, null, actor, ct, decision);
    }

    private static async Task<(RecognitionDossier? Dossier, DossierFacts? Facts)> ValidateAsync(
        RecognitionDossier? input, bool legitimization, CourtDecisionEntity? received, Actor actor, FamilyChecks checks, CivilDbContext db,
        IPopulationRegistry registry, FieldErrors errors, string act, CancellationToken ct)
    {
        var f = checks.Fields(errors);
        if (input is null)
        {
            errors.Add("recognition", "The recognition's details are required.");
            return (null, null);
        }

        var today = checks.Today();
        var role = Role(input.ParentRole, required: !legitimization || input.Parent is not null, f);
        var child = FamilyChecks.Person("recognition.child", input.Child, null, f, today, "The child");
        var parent = input.Parent is null && legitimization ? null
            : FamilyChecks.Person("recognition.parent", input.Parent, role == ParentRole.Mother ? Sex.Female : role == ParentRole.Father ? Sex.Male : null, f, today, "The parent");

        DateOnly? date;
        string? court = null, caseNumber = null;
        if (received is not null || Fields.Trimmed(input.Court) is not null || Fields.Trimmed(input.CaseNumber) is not null)
        {
            // A paternity judgment: the court, the case and the judgment's date.
            (court, caseNumber, date) = FamilyChecks.Decision("recognition", input.Court, input.CaseNumber, input.DeclarationDate, received, required: true, f, today);
        }
        else
        {
            date = f.Date("recognition.declarationDate", input.DeclarationDate, required: true);
            if (date > today)
            {
                errors.Add("recognition.declarationDate", "The date of the declaration is after today.");
                date = null;
            }
        }

        var childBorn = child is not null && PartialDate.TryParse(child.Declared.BirthDate, out var cb) ? cb : (PartialDate?)null;
        if (childBorn is { } born && date is { } d && born.Earliest > d)
        {
            errors.Add("recognition.child.birthDate", "The child was born after the date of the recognition.");
        }

        if (parent is not null && childBorn is { } c && PartialDate.TryParse(parent.Declared.BirthDate, out var pb) && pb.Earliest >= c.Earliest)
        {
            errors.Add("recognition.parent.birthDate", "The parent must be older than the child.");
        }

        if (parent is not null && parent.Declared.Kidc == child?.Declared.Kidc)
        {
            errors.Add("recognition.parent.kidc", "A person cannot recognize themselves.");
        }

        var marriageNumber = legitimization ? f.Text("recognition.marriageNumber", input.MarriageNumber, required: true, max: 24)?.ToUpperInvariant() : null;
        if (!legitimization && Fields.Trimmed(input.MarriageNumber) is not null)
        {
            errors.Add("recognition.marriageNumber", "A marriage number is given only for a legitimization.");
        }

        if (errors.Any)
        {
            return (null, null);
        }

        var persons = new[] { child, parent }.OfType<NamedPerson>().ToList();
        var purpose = $"{act}: child and parent of a {(legitimization ? "legitimization" : "recognition")}";
        await checks.ConfirmAsync(persons, date, actor, purpose, errors, ct);
        if (errors.Any)
        {
            return (null, null);
        }

        if (!persons.Any(p => p.Confirmation.ResidesInCallerArea))
        {
            errors.Add("recognition.child.kidc", "Neither the child nor the parent lives in your office's area.");
            return (null, null);
        }

        // The child is confirmed: the registry's parent links say whether the role is free.
        var record = await registry.FindAsync(child!.Declared.Kidc!, actor, purpose, ct);
        if (record is null)
        {
            errors.Add("recognition.child.kidc", DossierValidator.NotConfirmed);
            return (null, null);
        }

        if (parent is not null)
        {
            var present = role == ParentRole.Mother ? record.Mother : record.Father;
            var word = role == ParentRole.Mother ? "mother" : "father";
            if (present is not null)
            {
                errors.Add("recognition.parent.kidc", present.Kidc == parent.Declared.Kidc
                    ? $"The child already has this {word}: there is nothing to recognize."
                    : $"The child already has a {word} in the registry: a second one cannot be recognized; a court decides on contested parentage.");
                return (null, null);
            }
        }

        if (legitimization)
        {
            await CheckMarriageAsync(marriageNumber!, record, role, parent, childBorn!.Value, db, errors, ct);
            if (errors.Any)
            {
                return (null, null);
            }
        }

        var dossier = new RecognitionDossier
        {
            Child = child.Declared,
            ParentRole = parent is null ? null : role.ToString(),
            Parent = parent?.Declared,
            DeclarationDate = date!.Value.ToString("yyyy-MM-dd"),
            MarriageNumber = marriageNumber,
            Court = court,
            CaseNumber = caseNumber,
        };
        var residence = persons.First(p => p.Confirmation.ResidesInCallerArea).Confirmation;
        return (dossier, new DossierFacts(
            date.Value,
            FamilyChecks.PlaceOf(residence, actor),
            FamilyChecks.Join(child.Declared.SurnameKm, child.Declared.GivenNameKm),
            FamilyChecks.Join(child.Declared.SurnameLatin, child.Declared.GivenNameLatin),
            child.Declared.Kidc,
            record.Sex.ToString(),
            child.Declared.BirthDate,
            child.Confirmation.ResidenceVillageCode));
    }

    /// <summary>
    /// A legitimization by the parents' marriage: the marriage is registered here, in force or ended
    /// (by divorce or death) after the child's birth, and its spouses are the child's mother and
    /// father once the parent this application names is added.
    /// </summary>
    private static async Task CheckMarriageAsync(string number, PersonRecord child, ParentRole? role, NamedPerson? parent, PartialDate childBorn,
        CivilDbContext db, FieldErrors errors, CancellationToken ct)
    {
        var marriage = await db.Marriages.AsNoTracking().FirstOrDefaultAsync(m => m.Number == number, ct);
        if (marriage is null)
        {
            errors.Add("recognition.marriageNumber", "No marriage is registered with this number.");
            return;
        }

        if (marriage.State == MarriageState.Annulled ||
            (marriage.State is MarriageState.Dissolved or MarriageState.EndedByDeath && marriage.EndedOn is { } ended && ended < childBorn.Earliest))
        {
            errors.Add("recognition.marriageNumber", marriage.State == MarriageState.Annulled
                ? $"Marriage {number} was annulled: it does not legitimize a child."
                : $"Marriage {number} ended on {marriage.EndedOn:yyyy-MM-dd}, before the child was born.");
            return;
        }

        var motherAfter = role == ParentRole.Mother && parent is not null ? parent.Declared.Kidc : child.Mother?.Kidc;
        var fatherAfter = role == ParentRole.Father && parent is not null ? parent.Declared.Kidc : child.Father?.Kidc;
        if (marriage.WifeKidc is null || marriage.HusbandKidc is null || motherAfter != marriage.WifeKidc || fatherAfter != marriage.HusbandKidc)
        {
            errors.Add("recognition.marriageNumber",
                $"The spouses of marriage {number} would not both be the child's parents: a legitimization needs the child's mother and father to be the wife and the husband" +
                (parent is null ? " (name the parent the child does not have yet)." : "."));
        }
    }

    internal enum ParentRole
    {
        Father,
        Mother,
    }

    private static ParentRole? Role(string? text, bool required, Fields f) => f.Enum<ParentRole>("recognition.parentRole", text, required);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/recognitions", async (RecognitionApplication application, HttpContext http, RegistrationEntry entry, FamilyChecks checks,
                CivilDbContext db, IPopulationRegistry registry, CancellationToken ct) =>
                (await HandleAsync(application, http.Actor(), entry, checks, db, registry, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("EnterRecognition")
            .WithSummary("Enter a recognition of a child by a parent (by KIDC), or a legitimization by the parents' registered marriage");
}
