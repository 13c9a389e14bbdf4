using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Notifications.Fhir;

namespace Nokor.CivilRegistration.Tests.Fhir;

public sealed class FhirNotificationReaderTests
{
    [Fact]
    public void A_birth_bundle_becomes_a_birth_notification_with_the_mother_the_weight_in_grams_and_twins()
    {
        var (request, problems) = FhirNotificationReader.Read(FhirBundles.Birth().Json());

        Assert.Null(problems);
        Assert.NotNull(request);
        Assert.Equal("Birth", request.Event);
        Assert.Equal("HealthFacility", request.InformantKind);
        Assert.Equal("Calmette Hospital", request.InformantName);
        Assert.Equal("Calmette Hospital, maternity", request.FacilityName);
        Assert.Equal("https://his.calmette.example/fhir", request.SourceSystem);
        Assert.Equal("HIS-BIRTH-0042", request.SourceReference);
        Assert.Equal("2026-11-20", request.EventDate);
        Assert.Equal("06:45", request.EventTime);
        Assert.Equal(FhirBundles.Village, request.EventPlaceCode);
        Assert.Equal("Female", request.ChildSex);
        Assert.Equal(3200, request.BirthWeightGrams);
        Assert.Equal("Twin", request.BirthType);
        Assert.Equal("សុខ ស្រីល័ក្ខ", request.MotherNameKm);
        Assert.Equal("Sok Sreyleak", request.MotherNameLatin);
        Assert.Equal("1234567890", request.MotherKidc);
        Assert.Equal("1995-02-10", request.MotherBirthDate);
        Assert.Null(request.Cause);
        Assert.Null(request.DeceasedNameKm);
    }

    [Theory]
    [InlineData(null, null, "Single")]
    [InlineData(true, null, "Twin")]
    [InlineData(false, null, "Single")]
    [InlineData(null, 1, "Single")]
    [InlineData(null, 3, "Triplet")]
    [InlineData(null, 5, "Higher")]
    public void MultipleBirth_gives_the_birth_type(bool? multiple, int? order, string expected)
    {
        var bundle = FhirBundles.Birth();
        var child = bundle.First<Patient>();
        child.MultipleBirth = multiple is { } m ? new FhirBoolean(m) : order is { } o ? new Integer(o) : null;

        var (request, problems) = FhirNotificationReader.Read(bundle.Json());

        Assert.Null(problems);
        Assert.Equal(expected, request!.BirthType);
    }

    [Fact]
    public void The_plurality_observation_wins_over_the_birth_order_and_grams_stay_grams()
    {
        var bundle = FhirBundles.Birth();
        var weight = bundle.First<Observation>();
        weight.Value = new Quantity { Value = 2850, Unit = "g", System = "http://unitsofmeasure.org", Code = "g" };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            Resource = new Observation
            {
                Status = ObservationStatus.Final,
                Code = new CodeableConcept(FhirNotificationReader.Loinc, FhirNotificationReader.PluralityLoinc),
                Value = new Integer(3),
            },
        });

        var (request, problems) = FhirNotificationReader.Read(bundle.Json());

        Assert.Null(problems);
        Assert.Equal("Triplet", request!.BirthType);
        Assert.Equal(2850, request.BirthWeightGrams);
    }

    [Fact]
    public void A_Latin_only_mother_and_a_message_header_source()
    {
        var bundle = FhirBundles.Birth();
        bundle.Type = Bundle.BundleType.Message;
        bundle.Meta = null;
        bundle.Entry.Insert(0, new Bundle.EntryComponent
        {
            Resource = new MessageHeader
            {
                Event = new Coding("https://nokor.gov.kh/fhir/CodeSystem/events", "birth-notification"),
                Source = new MessageHeader.MessageSourceComponent { Name = "Calmette HIS", Endpoint = "https://his.calmette.example/messages" },
            },
        });
        var mother = bundle.First<RelatedPerson>();
        mother.Name = [new HumanName { Family = "Sok", Given = ["Sreyleak"] }];

        var (request, problems) = FhirNotificationReader.Read(bundle.Json());

        Assert.Null(problems);
        Assert.Equal("https://his.calmette.example/messages", request!.SourceSystem);
        Assert.Null(request.MotherNameKm);
        Assert.Equal("Sok Sreyleak", request.MotherNameLatin);
    }

    [Fact]
    public void A_death_bundle_gives_the_certificate_lines_in_order_the_contributing_condition_and_the_manner()
    {
        var (request, problems) = FhirNotificationReader.Read(FhirBundles.Death().Json());

        Assert.Null(problems);
        Assert.NotNull(request);
        Assert.Equal("Death", request.Event);
        Assert.Equal("2026-11-19", request.EventDate);
        Assert.Equal("00:30", request.EventTime);
        Assert.Equal("HIS-DEATH-0007", request.SourceReference);
        Assert.Equal("1987654321", request.DeceasedKidc);
        Assert.Equal("ចាន់ វណ្ណា", request.DeceasedNameKm);
        Assert.Equal("Chan Vanna", request.DeceasedNameLatin);
        Assert.Equal("Male", request.DeceasedSex);
        Assert.Equal("1950-03-04", request.DeceasedBirthDate);
        Assert.Null(request.MotherNameKm);

        var cause = request.Cause!;
        Assert.Equal(new CauseLine { Condition = "Cardiogenic shock", Icd10 = "R57.0", Interval = "2 hours" }, cause.LineA);
        Assert.Equal(new CauseLine { Condition = "Acute myocardial infarction", Icd10 = "I21.9", Interval = "3 days" }, cause.LineB);
        Assert.Equal(new CauseLine { Condition = "Atherosclerotic heart disease", Icd10 = "I25.1" }, cause.LineC);
        Assert.Null(cause.LineD);
        Assert.Equal("Type 2 diabetes mellitus", cause.Contributing);
        Assert.Equal("E11.9", cause.ContributingIcd10);
        Assert.Equal("Disease", cause.Manner);
    }

    [Theory]
    [InlineData("7878000", "Accident")]
    [InlineData("44301001", "IntentionalSelfHarm")]
    [InlineData("27935005", "Assault")]
    [InlineData("185973002", "PendingInvestigation")]
    [InlineData("65037004", "CouldNotBeDetermined")]
    public void The_VRDR_manner_codes_map_to_the_WHO_form(string snomed, string manner)
    {
        var bundle = FhirBundles.Death();
        Manner(bundle).Value = new CodeableConcept(FhirNotificationReader.Snomed, snomed);

        var (request, problems) = FhirNotificationReader.Read(bundle.Json());

        Assert.Null(problems);
        Assert.Equal(manner, request!.Cause!.Manner);
    }

    [Fact]
    public void A_death_known_only_to_the_day_has_no_time()
    {
        var bundle = FhirBundles.Death();
        bundle.First<Patient>().Deceased = new FhirDateTime("2026-11-18");

        var (request, problems) = FhirNotificationReader.Read(bundle.Json());

        Assert.Null(problems);
        Assert.Equal("2026-11-18", request!.EventDate);
        Assert.Null(request.EventTime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("\"Bundle\"")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\"} trailing")]
    public void Text_that_is_not_a_JSON_object_is_a_structure_or_required_issue(string body)
    {
        var outcome = Problems(body);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
        Assert.Contains(issue.Code, new OperationOutcome.IssueType?[] { OperationOutcome.IssueType.Structure, OperationOutcome.IssueType.Required });
        Assert.Empty(issue.Expression);
    }

    [Fact]
    public void A_resource_other_than_a_Bundle_is_refused()
    {
        var outcome = Problems("""{"resourceType":"Patient","gender":"female"}""");
        AssertIssue(outcome, "Patient", OperationOutcome.IssueType.Invalid);
        AssertIssue(Problems("""{"type":"collection"}"""), "resourceType", OperationOutcome.IssueType.Required);
    }

    [Fact]
    public void The_SDK_cardinality_checks_name_the_Bundle()
    {
        var json = FhirBundles.Birth().Json(b => b.Remove("type"));
        AssertIssue(Problems(json), "Bundle.type", OperationOutcome.IssueType.Required);
    }

    [Fact]
    public void A_bundle_without_a_Patient_is_refused()
    {
        var bundle = FhirBundles.Birth();
        bundle.Entry.RemoveAt(bundle.IndexOf<Patient>());
        AssertIssue(Problems(bundle.Json()), "Bundle.entry", OperationOutcome.IssueType.Required);
    }

    [Fact]
    public void Two_newborn_Patients_are_refused_at_the_second()
    {
        var bundle = FhirBundles.Birth();
        bundle.Entry.Add(new Bundle.EntryComponent { Resource = new Patient { Id = "twin", BirthDate = "2026-11-20" } });
        AssertIssue(Problems(bundle.Json()), $"Bundle.entry[{bundle.Entry.Count - 1}].resource", OperationOutcome.IssueType.Invalid);
    }

    [Fact]
    public void An_unknown_resource_type_is_named_by_the_SDK()
    {
        var json = FhirBundles.Birth().Json(b => b["entry"]!.AsArray().Add(new JsonObject
        {
            ["resource"] = new JsonObject { ["resourceType"] = "Hospitalisation", ["id"] = "x" },
        }));
        var outcome = Problems(json);
        Assert.Contains(outcome.Issue, i => i.Expression.SequenceEqual([$"Bundle.entry[5].resource"]) && (i.Diagnostics ?? "").Contains("Hospitalisation"));
    }

    [Fact]
    public void Every_FHIR_syntax_error_from_the_SDK_becomes_an_issue()
    {
        var bundle = FhirBundles.Birth();
        var json = bundle.Json().Replace("\"birthDate\":\"2026-11-20\"", "\"birthDate\":\"2026-13-40\"").Replace("\"gender\":\"female\"", "\"gender\":\"girl\"");
        var outcome = Problems(json);
        var child = bundle.IndexOf<Patient>();
        AssertIssue(outcome, $"Bundle.entry[{child}].resource.birthDate", OperationOutcome.IssueType.Value);
        AssertIssue(outcome, $"Bundle.entry[{child}].resource.gender", OperationOutcome.IssueType.CodeInvalid);
        Assert.All(outcome.Issue, i => Assert.Equal(OperationOutcome.IssueSeverity.Error, i.Severity));
    }

    [Fact]
    public void A_weight_that_is_not_a_quantity_or_not_in_grams_is_refused()
    {
        var bundle = FhirBundles.Birth();
        var at = bundle.IndexOf<Observation>();
        bundle.First<Observation>().Value = new FhirString("3.2 kg");
        AssertIssue(Problems(bundle.Json()), $"Bundle.entry[{at}].resource.value", OperationOutcome.IssueType.Value);

        bundle.First<Observation>().Value = new Quantity { Value = 7, Unit = "lb", System = "http://unitsofmeasure.org", Code = "[lb_av]" };
        AssertIssue(Problems(bundle.Json()), $"Bundle.entry[{at}].resource.value.code", OperationOutcome.IssueType.Value);
    }

    [Fact]
    public void DeceasedBoolean_alone_is_not_a_death()
    {
        var bundle = FhirBundles.Death();
        bundle.First<Patient>().Deceased = new FhirBoolean(true);
        AssertIssue(Problems(bundle.Json()), "Bundle.entry[0].resource.deceased", OperationOutcome.IssueType.Required);
    }

    [Fact]
    public void Every_profile_problem_is_listed_at_once()
    {
        var bundle = FhirBundles.Birth();
        bundle.Type = Bundle.BundleType.Transaction;
        bundle.Identifier = null;
        bundle.Entry.RemoveAt(bundle.IndexOf<RelatedPerson>());
        bundle.Entry.RemoveAt(bundle.IndexOf<Location>());
        var child = bundle.First<Patient>();
        child.BirthDateElement = new Date("2026-11");

        var outcome = Problems(bundle.Json());

        AssertIssue(outcome, "Bundle.type", OperationOutcome.IssueType.Value);
        AssertIssue(outcome, "Bundle.identifier", OperationOutcome.IssueType.Required);
        AssertIssue(outcome, $"Bundle.entry[{bundle.IndexOf<Patient>()}].resource.birthDate", OperationOutcome.IssueType.Value);
        Assert.Equal(2, outcome.Issue.Count(i => i.Expression.SequenceEqual(["Bundle.entry"]) && i.Code == OperationOutcome.IssueType.Required));
        Assert.Contains(outcome.Issue, i => (i.Diagnostics ?? "").Contains("MTH"));
        Assert.Contains(outcome.Issue, i => (i.Diagnostics ?? "").Contains(FhirNotificationReader.GazetteerSystem));
    }

    [Fact]
    public void A_birth_time_on_another_day_than_the_birth_date_is_refused()
    {
        var bundle = FhirBundles.Birth();
        var at = bundle.IndexOf<Patient>();
        bundle.First<Patient>().BirthDateElement!.Extension[0].Value = new FhirDateTime("2026-11-20T20:00:00Z");
        AssertIssue(Problems(bundle.Json()), $"Bundle.entry[{at}].resource.birthDate.extension[0].value", OperationOutcome.IssueType.Value);
    }

    [Fact]
    public void A_bad_ICD10_code_an_unknown_manner_and_a_fifth_line_are_refused()
    {
        var bundle = FhirBundles.Death();
        bundle.First<Condition>().Code!.Coding[0].Code = "heart";
        Manner(bundle).Value = new CodeableConcept(FhirNotificationReader.Snomed, "12345");
        bundle.Entry.Insert(4, new Bundle.EntryComponent { Resource = FhirBundles.Condition("d", "Hypertension", "I10", null) });
        bundle.Entry.Insert(5, new Bundle.EntryComponent { Resource = FhirBundles.Condition("e", "Obesity", "E66.9", null) });

        var outcome = Problems(bundle.Json());

        AssertIssue(outcome, "Bundle.entry[1].resource.code.coding[0].code", OperationOutcome.IssueType.Value);
        AssertIssue(outcome, "Bundle.entry[5].resource", OperationOutcome.IssueType.Invalid);
        AssertIssue(outcome, $"Bundle.entry[{bundle.IndexOf<Observation>()}].resource.value", OperationOutcome.IssueType.Value);
    }

    [Theory]
    [InlineData("""{"resourceType":"Bundle","entry":"x"}""")]
    [InlineData("""{"resourceType":"Bundle","type":"collection","entry":[{}]}""")]
    [InlineData("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","deceasedDateTime":"yesterday"}}]}""")]
    [InlineData("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":[1]}]}""")]
    [InlineData("""{"resourceType":"Bundle","type":"collection","entry":[null]}""")]
    [InlineData("""{"resourceType":"Bundle","resourceType":"Patient"}""")]
    public void Malformed_bundles_never_throw(string json)
    {
        var outcome = Problems(json);
        Assert.NotEmpty(outcome.Issue);
        Assert.All(outcome.Issue, i => Assert.Equal(OperationOutcome.IssueSeverity.Error, i.Severity));
    }

    private static Observation Manner(Bundle bundle) =>
        bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Code?.Coding[0].Code == FhirNotificationReader.MannerOfDeathLoinc);

    private static OperationOutcome Problems(string json)
    {
        var (request, problems) = FhirNotificationReader.Read(json);
        Assert.Null(request);
        Assert.NotNull(problems);
        return problems;
    }

    private static void AssertIssue(OperationOutcome outcome, string expression, OperationOutcome.IssueType code) =>
        Assert.True(outcome.Issue.Any(i => i.Expression.SequenceEqual([expression]) && i.Code == code && i.Severity == OperationOutcome.IssueSeverity.Error),
            $"No {code} issue at {expression}; issues: {string.Join(" | ", outcome.Issue.Select(i => $"{i.Code} {string.Join(",", i.Expression)}: {i.Diagnostics}"))}");
}
