using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;

namespace Nokor.CivilRegistration.FamilyEvents;

/// <summary>
/// The agent enters a foetal death (a stillbirth), from the health facility's notification or as
/// declared: the mother (by KIDC when she has one, confirmed), the delivery, the gestation of at
/// least <see cref="FoetalDeathRules.MinimumGestationWeeks"/> completed weeks, the weight and the
/// cause as certified. It is registered with a number and counted in the statistics, but no person
/// is created and no KIDC issued (<see cref="FoetalDeathProcedure"/>), and it has no certificate.
/// </summary>
internal static class EnterFoetalDeath
{
    /// <summary>The sexes a stillborn foetus is recorded with (the sex may not be determinable).</summary>
    internal enum FoetalSex
    {
        Male,
        Female,
        Undetermined,
    }

    public static async Task<Outcome<RegistrationView>> HandleAsync(
        FoetalDeathApplication application, Actor actor, RegistrationEntry entry, FamilyChecks checks, IOptions<CivilRegistrationOptions> options, CancellationToken ct)
    {
        if (application.Id is { } id && await entry.ExistingAsync(id, VitalEvent.FoetalDeath, actor, ct) is { } existing)
        {
            return existing;
        }

        var errors = new FieldErrors();
        var registrationId = application.Id ?? Guid.CreateVersion7();
        var notification = await entry.NotificationAsync(application.NotificationId, VitalEvent.FoetalDeath, actor, errors, ct);
        var (dossier, facts) = await ValidateAsync(application.FoetalDeath, actor, checks, options.Value.FoetalDeath, errors, RegistrationEntry.Act(registrationId), ct);
        if (errors.Any)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        return await entry.CreateAsync(application.Id, registrationId, VitalEvent.FoetalDeath, Dossiers.Write(dossier), facts!, notification, actor, ct);
    }

    private static async Task<(FoetalDeathDossier? Dossier, DossierFacts? Facts)> ValidateAsync(
        FoetalDeathDossier? input, Actor actor, FamilyChecks checks, FoetalDeathRules rules, FieldErrors errors, string act, CancellationToken ct)
    {
        var f = checks.Fields(errors);
        if (input is null)
        {
            errors.Add("foetalDeath", "The foetal death's details are required.");
            return (null, null);
        }

        if (input.Mother is null)
        {
            errors.Add("foetalDeath.mother", "The mother's details are required.");
        }

        if (input.Informant is null)
        {
            errors.Add("foetalDeath.informant", "The informant is required.");
        }

        var today = checks.Today();
        var delivered = f.Date("foetalDeath.deliveryDate", input.DeliveryDate, required: true);
        if (delivered > today)
        {
            errors.Add("foetalDeath.deliveryDate", "The date of delivery is after today, the date of registration.");
            delivered = null;
        }

        var mother = input.Mother is null ? null : DossierValidator.ParentAsDeclared("foetalDeath.mother", input.Mother with { Confirmed = null }, delivered, today, f);
        var father = input.Father is null ? null : DossierValidator.ParentAsDeclared("foetalDeath.father", input.Father with { Confirmed = null }, delivered, today, f);
        var weeks = input.GestationWeeks;
        if (weeks is null)
        {
            errors.Add("foetalDeath.gestationWeeks", "The completed weeks of gestation are required.");
        }
        else if (weeks < rules.MinimumGestationWeeks)
        {
            errors.Add("foetalDeath.gestationWeeks",
                $"A foetal death is registered from {rules.MinimumGestationWeeks} completed weeks of gestation; a loss at {weeks} weeks is a miscarriage and is not registered.");
        }
        else if (weeks > rules.MaximumGestationWeeks)
        {
            errors.Add("foetalDeath.gestationWeeks", $"The gestation must be at most {rules.MaximumGestationWeeks} completed weeks.");
        }

        var cause = input.Cause is null || (input.Cause.Condition is null && input.Cause.Icd10 is null) ? null : new CauseLine
        {
            Condition = f.Text("foetalDeath.cause.condition", input.Cause.Condition, required: true, max: 200),
            Icd10 = f.Icd10("foetalDeath.cause.icd10", input.Cause.Icd10),
        };
        var dossier = new FoetalDeathDossier
        {
            Mother = mother,
            Father = father,
            DeliveryDate = delivered?.ToString("yyyy-MM-dd"),
            DeliveryPlaceCode = await f.VillageAsync("foetalDeath.deliveryPlaceCode", input.DeliveryPlaceCode, required: true),
            PlaceKind = f.Enum<EventPlaceKind>("foetalDeath.placeKind", input.PlaceKind, required: true)?.ToString(),
            FacilityName = f.Text("foetalDeath.facilityName", input.FacilityName, required: false, max: 200),
            Sex = f.Enum<FoetalSex>("foetalDeath.sex", input.Sex, required: true)?.ToString(),
            GestationWeeks = weeks,
            WeightGrams = f.Range("foetalDeath.weightGrams", input.WeightGrams, 100, 7000, required: false, "weight in grams"),
            BirthType = (f.Enum<BirthType>("foetalDeath.birthType", input.BirthType, required: false) ?? BirthType.Single).ToString(),
            Cause = cause,
            Attendant = f.Enum<BirthAttendant>("foetalDeath.attendant", input.Attendant, required: false)?.ToString(),
            ResidenceVillageCode = await f.VillageAsync("foetalDeath.residenceVillageCode", input.ResidenceVillageCode, required: true),
            Informant = input.Informant is null ? null : DossierValidator.Informant("foetalDeath.informant", input.Informant, f),
        };
        if (dossier.PlaceKind == nameof(EventPlaceKind.HealthFacility) && dossier.FacilityName is null && !errors.Has("foetalDeath.facilityName"))
        {
            errors.Add("foetalDeath.facilityName", "Name the health facility where the delivery took place.");
        }

        if (mother?.Kidc is not null && mother.Kidc == father?.Kidc)
        {
            errors.Add("foetalDeath.father.kidc", "The mother and the father cannot be the same person.");
        }

        if (errors.Any)
        {
            return (null, null);
        }

        // The parents named by KIDC are confirmed at once: a mother is a woman, a father a man.
        var persons = new List<NamedPerson>();
        if (mother?.Kidc is not null)
        {
            persons.Add(new NamedPerson("foetalDeath.mother", mother, Sex.Female));
        }

        if (father?.Kidc is not null)
        {
            persons.Add(new NamedPerson("foetalDeath.father", father, Sex.Male));
        }

        await checks.ConfirmAsync(persons, null, actor, $"{act}: parents of a foetal death", errors, ct);
        if (errors.Any)
        {
            return (null, null);
        }

        dossier = dossier with
        {
            Mother = persons.FirstOrDefault(p => p.Path == "foetalDeath.mother")?.Declared ?? mother,
            Father = persons.FirstOrDefault(p => p.Path == "foetalDeath.father")?.Declared ?? father,
        };

        // Registered by the office of the place of delivery or of the mother's residence (as births).
        if (!actor.Jurisdiction.Covers(dossier.DeliveryPlaceCode) && !actor.Jurisdiction.Covers(dossier.ResidenceVillageCode))
        {
            errors.Add("foetalDeath.deliveryPlaceCode", "Neither the place of delivery nor the mother's residence is in your office's area.");
            return (null, null);
        }

        // No person: the record is named after the mother, as the queues and the statistics show it.
        return (dossier, new DossierFacts(
            delivered!.Value,
            dossier.DeliveryPlaceCode!,
            $"{FamilyChecks.Join(mother!.SurnameKm, mother.GivenNameKm)} (ម្ដាយ)",
            $"{(mother.SurnameLatin is null ? FamilyChecks.Join(mother.SurnameKm, mother.GivenNameKm) : FamilyChecks.Join(mother.SurnameLatin, mother.GivenNameLatin))} (mother)",
            null,
            dossier.Sex is nameof(FoetalSex.Undetermined) ? null : dossier.Sex,
            null,
            dossier.ResidenceVillageCode));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/foetal-deaths", async (FoetalDeathApplication application, HttpContext http, RegistrationEntry entry, FamilyChecks checks,
                IOptions<CivilRegistrationOptions> options, CancellationToken ct) =>
                (await HandleAsync(application, http.Actor(), entry, checks, options, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("EnterFoetalDeath")
            .WithSummary("Enter a foetal death (stillbirth): registered with a number, without a person, a KIDC or a certificate");
}
