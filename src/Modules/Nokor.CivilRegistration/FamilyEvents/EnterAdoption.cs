using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// The agent enters an adoption decided by a court (NSPI glossary 16): simple (the adoptive parents
/// are added, the parents stay) or full (the adoptive parents replace the parents, and the child's
/// birth registration keeps the earlier versions sealed). The adoptee and the adoptive parents are
/// persons of the registry by KIDC, confirmed with the names and date of birth typed. A full
/// adoption is only for a child under <see cref="AdoptionRules.FullAdoptionMaxAge"/> at the
/// decision's date.
/// </summary>
internal static class EnterAdoption
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(
        AdoptionApplication application, Actor actor, RegistrationEntry entry, FamilyChecks checks, CivilDbContext db,
        IOptions<CivilRegistrationOptions> options, CancellationToken ct)
    {
        if (application.Id is { } id && await entry.ExistingAsync(id, VitalEvent.Adoption, actor, ct) is { } existing)
        {
            return existing;
        }

        var errors = new FieldErrors();
        var registrationId = application.Id ?? Guid.CreateVersion7();
        var decision = await entry.CourtDecisionAsync(application.CourtDecisionId, VitalEvent.Adoption, actor, errors, ct);
        var (dossier, facts) = await ValidateAsync(application.Adoption, decision, actor, checks, options.Value.Adoption, errors, RegistrationEntry.Act(registrationId), ct);
        if (errors.Any)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        if (await FamilyChecks.OpenAsync(db, VitalEvent.Adoption, facts!.SubjectKidc!, ct))
        {
            return Outcome<RegistrationView>.Invalid("adoption.adoptee.kidc", "An adoption application for this child is already open: complete or reject it first.");
        }

        return await entry.CreateAsync(application.Id, registrationId, VitalEvent.Adoption, Dossiers.Write(dossier), facts, null, actor, ct, decision);
    }

    private static async Task<(AdoptionDossier? Dossier, DossierFacts? Facts)> ValidateAsync(
        AdoptionDossier? input, CourtDecisionEntity? received, Actor actor, FamilyChecks checks, AdoptionRules rules, FieldErrors errors, string act, CancellationToken ct)
    {
        var f = checks.Fields(errors);
        if (input is null)
        {
            errors.Add("adoption", "The adoption's details are required.");
            return (null, null);
        }

        var today = checks.Today();
        var kind = f.Enum<AdoptionKind>("adoption.kind", input.Kind, required: received is null);
        if (received is not null)
        {
            var decided = received.Kind == CourtDecisionKind.FullAdoption ? AdoptionKind.Full : AdoptionKind.Simple;
            if (kind is not null && kind != decided)
            {
                errors.Add("adoption.kind", $"The court decision received is a {decided.ToString().ToLowerInvariant()} adoption.");
            }

            kind = decided;
        }

        var (court, caseNumber, decisionDate) = FamilyChecks.Decision("adoption", input.Court, input.CaseNumber, input.DecisionDate, received, required: true, f, today);
        var adoptee = FamilyChecks.Person("adoption.adoptee", input.Adoptee, null, f, today, "The adoptee");
        var mother = input.AdoptiveMother is null ? null : FamilyChecks.Person("adoption.adoptiveMother", input.AdoptiveMother, Sex.Female, f, today, "The adoptive mother");
        var father = input.AdoptiveFather is null ? null : FamilyChecks.Person("adoption.adoptiveFather", input.AdoptiveFather, Sex.Male, f, today, "The adoptive father");
        if (input.AdoptiveMother is null && input.AdoptiveFather is null)
        {
            errors.Add("adoption.adoptiveMother", "Name the adoptive mother, the adoptive father, or both.");
        }

        var adopteeBorn = adoptee is not null && PartialDate.TryParse(adoptee.Declared.BirthDate, out var b) ? b : (PartialDate?)null;
        foreach (var parent in new[] { mother, father })
        {
            if (parent is null)
            {
                continue;
            }

            if (parent.Declared.Kidc == adoptee?.Declared.Kidc)
            {
                errors.Add($"{parent.Path}.kidc", "An adoptive parent cannot be the adoptee.");
            }
            else if (adopteeBorn is { } born && PartialDate.TryParse(parent.Declared.BirthDate, out var parentBorn) && parentBorn.Earliest >= born.Earliest)
            {
                errors.Add($"{parent.Path}.birthDate", "An adoptive parent must be older than the adoptee.");
            }
        }

        if (adopteeBorn is { } at && decisionDate is { } dd && at.Earliest > dd)
        {
            errors.Add("adoption.adoptee.birthDate", "The adoptee was born after the decision's date.");
        }

        // Full adoption: only for a child under the age the law sets, at the date of the decision.
        // The age is counted from the earliest date the birth date allows (a child known to the year
        // is taken as born on 1 January), so a child who may be over the age is not taken as under it.
        if (kind == AdoptionKind.Full && adopteeBorn is { } fb && decisionDate is { } when && fb.Earliest <= when)
        {
            var age = DossierValidator.AgeAt(fb.Earliest, when);
            if (age >= rules.FullAdoptionMaxAge)
            {
                errors.Add("adoption.adoptee.birthDate",
                    $"A full adoption is only for a child under {rules.FullAdoptionMaxAge}: this child was {age} on the date of the decision ({when:yyyy-MM-dd}). " +
                    "Register a simple adoption instead.");
            }
        }

        var names = NewNames(input, kind, f);
        if (errors.Any)
        {
            return (null, null);
        }

        var persons = new[] { adoptee, mother, father }.OfType<NamedPerson>().ToList();
        await checks.ConfirmAsync(persons, decisionDate, actor, $"{act}: adoptee and adoptive parents of an adoption", errors, ct);
        if (errors.Any)
        {
            return (null, null);
        }

        // The office of the child's residence, or of an adoptive parent's, registers the adoption.
        if (!persons.Any(p => p.Confirmation.ResidesInCallerArea))
        {
            errors.Add("adoption.adoptee.kidc", "Neither the adoptee nor an adoptive parent lives in your office's area.");
            return (null, null);
        }

        var residence = persons.First(p => p.Confirmation.ResidesInCallerArea).Confirmation;
        var dossier = new AdoptionDossier
        {
            Kind = kind!.Value.ToString(),
            Adoptee = adoptee!.Declared,
            AdoptiveMother = mother?.Declared,
            AdoptiveFather = father?.Declared,
            Court = court,
            CaseNumber = caseNumber,
            DecisionDate = decisionDate!.Value.ToString("yyyy-MM-dd"),
            NewSurnameKm = names.SurnameKm,
            NewGivenNameKm = names.GivenNameKm,
            NewSurnameLatin = names.SurnameLatin,
            NewGivenNameLatin = names.GivenNameLatin,
        };
        var a = adoptee.Declared;
        return (dossier, new DossierFacts(
            decisionDate.Value,
            FamilyChecks.PlaceOf(residence, actor),
            FamilyChecks.Join(a.SurnameKm, a.GivenNameKm),
            FamilyChecks.Join(a.SurnameLatin, a.GivenNameLatin),
            a.Kidc,
            null,
            a.BirthDate,
            adoptee.Confirmation.ResidenceVillageCode));
    }

    /// <summary>
    /// The names a fully adopted child takes, when the court gave them: the surname (Khmer and Latin
    /// together), the given name (likewise), or both; what is not given stays. A simple adoption keeps the names.
    /// </summary>
    private static (string? SurnameKm, string? GivenNameKm, string? SurnameLatin, string? GivenNameLatin) NewNames(AdoptionDossier input, AdoptionKind? kind, Fields f)
    {
        var surname = !string.IsNullOrWhiteSpace(input.NewSurnameKm) || !string.IsNullOrWhiteSpace(input.NewSurnameLatin);
        var given = !string.IsNullOrWhiteSpace(input.NewGivenNameKm) || !string.IsNullOrWhiteSpace(input.NewGivenNameLatin);
        if (!surname && !given)
        {
            return (null, null, null, null);
        }

        if (kind == AdoptionKind.Simple)
        {
            f.Errors.Add(surname ? "adoption.newSurnameKm" : "adoption.newGivenNameKm",
                "A simple adoption keeps the adoptee's names: register a change of name if the court ordered one.");
            return (null, null, null, null);
        }

        return (
            surname ? f.KhmerName("adoption.newSurnameKm", input.NewSurnameKm, required: true) : null,
            given ? f.KhmerName("adoption.newGivenNameKm", input.NewGivenNameKm, required: true) : null,
            surname ? f.LatinName("adoption.newSurnameLatin", input.NewSurnameLatin, required: true) : null,
            given ? f.LatinName("adoption.newGivenNameLatin", input.NewGivenNameLatin, required: true) : null);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/adoptions", async (AdoptionApplication application, HttpContext http, RegistrationEntry entry, FamilyChecks checks,
                CivilDbContext db, IOptions<CivilRegistrationOptions> options, CancellationToken ct) =>
                (await HandleAsync(application, http.Actor(), entry, checks, db, options, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("EnterAdoption")
            .WithSummary("Enter an adoption (simple or full) decided by a court; a full adoption only for a child under the age the law sets");
}
