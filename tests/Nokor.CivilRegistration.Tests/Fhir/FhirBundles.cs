using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Nokor.CivilRegistration.Notifications.Fhir;

namespace Nokor.CivilRegistration.Tests.Fhir;

/// <summary>Valid notification bundles built with the Firely model; tests change what they need.</summary>
internal static class FhirBundles
{
    public const string Village = "12010101";

    public static Bundle Birth(string reference = "HIS-BIRTH-0042", string village = Village, string birthDate = "2026-11-20")
    {
        var child = new Patient
        {
            Id = "child",
            Gender = AdministrativeGender.Female,
            BirthDateElement = new Date(birthDate)
            {
                // 23:45 UTC is 06:45 the next day in Cambodia.
                Extension = [new Extension(FhirNotificationReader.BirthTimeExtension, new FhirDateTime($"{DateOnly.Parse(birthDate).AddDays(-1):yyyy-MM-dd}T23:45:00Z"))],
            },
            MultipleBirth = new Integer(2),
        };
        var mother = new RelatedPerson
        {
            Id = "mother",
            Patient = new ResourceReference("Patient/child"),
            Relationship = [new CodeableConcept(FhirNotificationReader.RoleCodeSystem, "MTH", "mother")],
            Name = [new HumanName { Text = "សុខ ស្រីល័ក្ខ" }, new HumanName { Family = "Sok", Given = ["Sreyleak"] }],
            Identifier = [new Identifier(FhirNotificationReader.KidcSystem, "1234567890")],
            BirthDate = "1995-02-10",
        };
        var weight = new Observation
        {
            Id = "weight",
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(FhirNotificationReader.Loinc, FhirNotificationReader.BirthWeightLoinc, "Birth weight Measured"),
            Subject = new ResourceReference("Patient/child"),
            Value = new Quantity { Value = 3.2m, Unit = "kg", System = FhirNotificationReader.Ucum, Code = "kg" },
        };
        return Bundle(reference, village, child, mother, weight);
    }

    public static Bundle Death(string reference = "HIS-DEATH-0007", string village = Village)
    {
        var deceased = new Patient
        {
            Id = "deceased",
            Gender = AdministrativeGender.Male,
            BirthDate = "1950-03-04",
            // 17:30 UTC on the 18th is 00:30 on the 19th in Cambodia.
            Deceased = new FhirDateTime("2026-11-18T17:30:00Z"),
            Name = [new HumanName { Family = "ចាន់", Given = ["វណ្ណា"] }, new HumanName { Text = "Chan Vanna" }],
            Identifier = [new Identifier(FhirNotificationReader.KidcSystem, "1987654321")],
        };
        return Bundle(reference, village, deceased,
            Condition("a", "Cardiogenic shock", "R57.0", new FhirString("2 hours")),
            Condition("b", "Acute myocardial infarction", "I21.9", new Age { Value = 3, Unit = "days", System = FhirNotificationReader.Ucum, Code = "d" }),
            Condition("c", null, "I25.1", null, display: "Atherosclerotic heart disease"),
            Contributing(Condition("p2", "Type 2 diabetes mellitus", "E11.9", new FhirString("10 years"))),
            new Observation
            {
                Id = "manner",
                Status = ObservationStatus.Final,
                Code = new CodeableConcept(FhirNotificationReader.Loinc, FhirNotificationReader.MannerOfDeathLoinc, "Manner of death"),
                Value = new CodeableConcept(FhirNotificationReader.Snomed, "38605008", "Natural death"),
            });
    }

    public static Condition Condition(string id, string? text, string icd10, DataType? onset, string? display = null) => new()
    {
        Id = id,
        Subject = new ResourceReference("Patient/deceased"),
        Code = new CodeableConcept { Text = text, Coding = [new Coding("http://hl7.org/fhir/sid/icd-10", icd10, display)] },
        Onset = onset,
    };

    public static Condition Contributing(Condition condition)
    {
        condition.Category.Add(new CodeableConcept(FhirNotificationReader.CauseOfDeathPartSystem, FhirNotificationReader.ContributingCode));
        return condition;
    }

    public static Bundle Bundle(string reference, string village, params Resource[] resources)
    {
        var bundle = new Bundle
        {
            Type = Hl7.Fhir.Model.Bundle.BundleType.Collection,
            Identifier = new Identifier("https://his.calmette.example/events", reference),
            Meta = new Meta { Source = "https://his.calmette.example/fhir" },
        };
        var all = resources.Concat(
        [
            new Location { Id = "place", Name = "Calmette Hospital", Identifier = [new Identifier(FhirNotificationReader.GazetteerSystem, village)] },
            new Encounter
            {
                Id = "stay",
                Status = Encounter.EncounterStatus.Finished,
                Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP"),
                ServiceProvider = new ResourceReference { Display = "Calmette Hospital" },
                Location = [new Encounter.LocationComponent { Location = new ResourceReference("Location/place") { Display = "Calmette Hospital, maternity" } }],
            },
        ]);
        foreach (var resource in all)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"urn:uuid:{Guid.NewGuid()}", Resource = resource });
        }

        return bundle;
    }

    public static T First<T>(this Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>().First();

    public static int IndexOf<T>(this Bundle bundle) where T : Resource => bundle.Entry.FindIndex(e => e.Resource is T);

    /// <summary>The bundle as JSON, changed with plain JSON (for what the Firely model would not write).</summary>
    public static string Json(this Bundle bundle, Action<JsonObject>? change = null)
    {
        var json = bundle.ToJson();
        if (change is null)
        {
            return json;
        }

        var node = JsonNode.Parse(json)!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}
