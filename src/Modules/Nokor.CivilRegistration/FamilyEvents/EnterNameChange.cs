using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// The agent enters a change of name decided by a court or by an administrative decision: the
/// person by KIDC, confirmed with the names they bear now and their date of birth, and the new
/// names, checked like every name (Khmer normalized and in Khmer script, Latin in Latin letters).
/// Approval changes the names in the registry and gives the person's birth registration and
/// marriage registrations a new version (<see cref="NameChangeProcedure"/>), so every certificate
/// printed after shows the current name and the earlier ones verify as superseded.
/// </summary>
internal static class EnterNameChange
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(
        NameChangeApplication application, Actor actor, RegistrationEntry entry, FamilyChecks checks, CivilDbContext db, CancellationToken ct)
    {
        if (application.Id is { } id && await entry.ExistingAsync(id, VitalEvent.NameChange, actor, ct) is { } existing)
        {
            return existing;
        }

        var errors = new FieldErrors();
        var registrationId = application.Id ?? Guid.CreateVersion7();
        var decision = await entry.CourtDecisionAsync(application.CourtDecisionId, VitalEvent.NameChange, actor, errors, ct);
        var (dossier, facts) = await ValidateAsync(application.NameChange, decision, actor, checks, errors, RegistrationEntry.Act(registrationId), ct);
        if (errors.Any)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        if (await FamilyChecks.OpenAsync(db, VitalEvent.NameChange, facts!.SubjectKidc!, ct))
        {
            return Outcome<RegistrationView>.Invalid("nameChange.person.kidc", "A change of name of this person is already waiting for approval: complete or reject it first.");
        }

        return await entry.CreateAsync(application.Id, registrationId, VitalEvent.NameChange, Dossiers.Write(dossier), facts, null, actor, ct, decision);
    }

    private static async Task<(NameChangeDossier? Dossier, DossierFacts? Facts)> ValidateAsync(
        NameChangeDossier? input, CourtDecisionEntity? received, Actor actor, FamilyChecks checks, FieldErrors errors, string act, CancellationToken ct)
    {
        var f = checks.Fields(errors);
        if (input is null)
        {
            errors.Add("nameChange", "The change of name's details are required.");
            return (null, null);
        }

        var today = checks.Today();
        var authority = f.Enum<DecisionAuthority>("nameChange.authority", input.Authority, required: received is null);
        if (received is not null)
        {
            if (authority == DecisionAuthority.Administrative)
            {
                errors.Add("nameChange.authority", "The decision received from the courts' system is a court's.");
            }

            authority = DecisionAuthority.Court;
        }

        var (court, caseNumber, date) = FamilyChecks.Decision("nameChange", input.Court, input.CaseNumber, input.DecisionDate, received,
            required: authority == DecisionAuthority.Court, f, today);
        var person = FamilyChecks.Person("nameChange.person", input.Person, null, f, today, "The person");
        var surnameKm = f.KhmerName("nameChange.newSurnameKm", input.NewSurnameKm, required: true);
        var givenNameKm = f.KhmerName("nameChange.newGivenNameKm", input.NewGivenNameKm, required: true);
        var surnameLatin = f.LatinName("nameChange.newSurnameLatin", input.NewSurnameLatin, required: true);
        var givenNameLatin = f.LatinName("nameChange.newGivenNameLatin", input.NewGivenNameLatin, required: true);
        var reason = f.Text("nameChange.reason", input.Reason, required: false, max: 500);
        if (person is not null && surnameKm == person.Declared.SurnameKm && givenNameKm == person.Declared.GivenNameKm &&
            surnameLatin == person.Declared.SurnameLatin && givenNameLatin == person.Declared.GivenNameLatin)
        {
            errors.Add("nameChange.newGivenNameKm", "The new names are the names the person bears now.");
        }

        if (errors.Any)
        {
            return (null, null);
        }

        // The person is named with the names they bear now: the registry confirms them, alive.
        var persons = new List<NamedPerson> { person! };
        await checks.ConfirmAsync(persons, today, actor, $"{act}: person of a change of name", errors, ct);
        if (errors.Any)
        {
            return (null, null);
        }

        if (!person!.Confirmation.ResidesInCallerArea)
        {
            errors.Add("nameChange.person.kidc", "The person does not live in your office's area: the office of their residence registers the change of name.");
            return (null, null);
        }

        var dossier = new NameChangeDossier
        {
            Person = person.Declared,
            NewSurnameKm = surnameKm,
            NewGivenNameKm = givenNameKm,
            NewSurnameLatin = surnameLatin,
            NewGivenNameLatin = givenNameLatin,
            Authority = authority!.Value.ToString(),
            Court = court,
            CaseNumber = caseNumber,
            DecisionDate = date!.Value.ToString("yyyy-MM-dd"),
            Reason = reason,
        };
        return (dossier, new DossierFacts(
            date.Value,
            FamilyChecks.PlaceOf(person.Confirmation, actor),
            FamilyChecks.Join(surnameKm, givenNameKm),
            FamilyChecks.Join(surnameLatin, givenNameLatin),
            person.Declared.Kidc,
            null,
            person.Declared.BirthDate,
            person.Confirmation.ResidenceVillageCode));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/name-changes", async (NameChangeApplication application, HttpContext http, RegistrationEntry entry, FamilyChecks checks,
                CivilDbContext db, CancellationToken ct) =>
                (await HandleAsync(application, http.Actor(), entry, checks, db, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("EnterNameChange")
            .WithSummary("Enter a change of name (court or administrative decision); on approval the registry and the person's birth and marriage registrations follow");
}
