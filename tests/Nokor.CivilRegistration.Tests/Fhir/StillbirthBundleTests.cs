using Hl7.Fhir.Model;
using Nokor.CivilRegistration.Notifications.Fhir;

namespace Nokor.CivilRegistration.Tests.Fhir;

/// <summary>The stillbirth profile (docs/fhir-stillbirth.md): a Composition typed LOINC 69045-3 makes the bundle a foetal death.</summary>
public sealed class StillbirthBundleTests
{
    private static Bundle Stillbirth(DataType? gestation, params Resource[] more)
    {
        Resource[] resources =
        [
            new Composition
            {
                Status = CompositionStatus.Final,
                Type = new CodeableConcept(FhirNotificationReader.Loinc, FhirNotificationReader.FoetalDeathReportLoinc),
                Date = "2026-11-21",
                Author = [new ResourceReference { Display = "Calmette Hospital" }],
                Title = "Report of fetal death",
            },
            new Patient { Id = "foetus", Gender = AdministrativeGender.Unknown, BirthDate = "2026-11-20", Deceased = new FhirBoolean(true) },
            new RelatedPerson
            {
                Patient = new ResourceReference("Patient/foetus"),
                Relationship = [new CodeableConcept(FhirNotificationReader.RoleCodeSystem, "MTH")],
                Name = [new HumanName { Text = "ស៊ុន ស្រីមុំ" }],
                BirthDate = "1991-05-17",
            },
            .. gestation is null ? Array.Empty<Resource>() :
            [
                new Observation
                {
                    Status = ObservationStatus.Final,
                    Code = new CodeableConcept(FhirNotificationReader.Loinc, FhirNotificationReader.GestationalAgeLoinc),
                    Value = gestation,
                },
            ],
            .. more,
        ];
        return FhirBundles.Bundle("HIS-STILL-0003", FhirBundles.Village, resources);
    }

    [Fact]
    public void A_stillbirth_bundle_is_a_foetal_death_with_the_gestation_in_completed_weeks_and_an_undetermined_sex()
    {
        var cause = new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(FhirNotificationReader.Loinc, FhirNotificationReader.FoetalDeathCauseLoinc),
            Value = new CodeableConcept { Coding = [new Coding("http://hl7.org/fhir/sid/icd-10", "P95", "Stillbirth, unspecified")] },
        };

        var (request, problems) = FhirNotificationReader.Read(Stillbirth(new Quantity { Value = 200, Code = "d", System = FhirNotificationReader.Ucum }, cause).Json());

        Assert.Null(problems);
        Assert.Equal("FoetalDeath", request!.Event);
        Assert.Equal("2026-11-20", request.EventDate);
        Assert.Equal(28, request.GestationWeeks);
        Assert.Equal("Undetermined", request.ChildSex);
        Assert.Equal("ស៊ុន ស្រីមុំ", request.MotherNameKm);
        Assert.Equal(("Stillbirth, unspecified", "P95"), (request.Cause!.LineA!.Condition, request.Cause.LineA.Icd10));
    }

    [Fact]
    public void A_stillbirth_without_its_gestation_or_with_a_KIDC_for_the_foetus_is_refused_naming_each()
    {
        var bundle = Stillbirth(null);
        bundle.First<Patient>().Identifier = [new Identifier(FhirNotificationReader.KidcSystem, "1234567890")];

        var (request, problems) = FhirNotificationReader.Read(bundle.Json());

        Assert.Null(request);
        Assert.Contains(problems!.Issue, i => i.Expression.SequenceEqual(["Bundle.entry"]) && i.Diagnostics!.Contains("gestation", StringComparison.Ordinal));
        Assert.Contains(problems.Issue, i => i.Expression.SequenceEqual([$"Bundle.entry[{bundle.IndexOf<Patient>()}].resource.identifier"]));
    }

    [Fact]
    public void A_gestation_in_another_unit_is_refused_on_its_code()
    {
        var bundle = Stillbirth(new Quantity { Value = 7, Code = "mo", System = FhirNotificationReader.Ucum });

        var (_, problems) = FhirNotificationReader.Read(bundle.Json());

        var issue = Assert.Single(problems!.Issue);
        Assert.Equal([$"Bundle.entry[{bundle.IndexOf<Observation>()}].resource.value.code"], issue.Expression);
    }
}
