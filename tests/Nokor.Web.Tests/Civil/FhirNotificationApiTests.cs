using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace Nokor.Web.Tests.Civil;

public sealed class FhirNotificationApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string Url = "/api/civil/notifications/fhir";
    private const string FhirJson = "application/fhir+json";

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_birth_bundle_is_stored_and_listed_with_its_age()
    {
        var agent = await host.ClientForAsync("agent.a");
        var reference = $"HIS-{Guid.NewGuid():N}";

        var response = await PostAsync(agent, BirthBundle(reference, host.VillageA).ToJson());

        var id = await CreatedAsync(response);
        var open = await agent.GetFromJsonAsync<List<NotificationView>>("/api/civil/notifications", NokorHost.Json);
        var listed = Assert.Single(open!, n => n.Id == id);
        var national = await host.ClientForAsync("registrar.n");
        var byCommune = await national.GetFromJsonAsync<List<NotificationView>>($"/api/civil/notifications?commune={host.CommuneA}", NokorHost.Json);
        Assert.Contains(byCommune!, n => n.Id == id);
        foreach (var bad in new[] { "%00x", "12a", "123", "../12" })
        {
            var refused = await CivilIntents.ProblemAsync(await national.GetAsync($"/api/civil/notifications?commune={bad}"), System.Net.HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("commune", out _), bad);
        }

        Assert.Equal(VitalEvent.Birth, listed.Event);
        Assert.Equal(0, listed.AgeDays);
        Assert.Equal(InformantKind.HealthFacility, listed.InformantKind);
        Assert.Equal("Calmette Hospital", listed.InformantName);
        Assert.Equal("https://his.calmette.example/fhir", listed.SourceSystem);
        Assert.Equal(reference, listed.SourceReference);
        Assert.Equal(host.VillageA, listed.EventPlaceCode);
        Assert.Equal("សុខ ស្រីល័ក្ខ (mother)", listed.SubjectNameKm);
        Assert.Equal(3200, listed.Details.BirthWeightGrams);
        Assert.Equal("Twin", listed.Details.BirthType);
        Assert.Equal("06:45", listed.Details.EventTime);
        Assert.Equal("Female", listed.Details.ChildSex);
    }

    [Fact]
    public async Task The_same_bundle_sent_again_answers_with_the_same_notification()
    {
        var agent = await host.ClientForAsync("agent.a");
        var reference = $"HIS-{Guid.NewGuid():N}";
        var json = BirthBundle(reference, host.VillageA).ToJson();

        var first = await CreatedAsync(await PostAsync(agent, json));
        var again = await CreatedAsync(await PostAsync(agent, json, "application/json"));

        Assert.Equal(first, again);
        Assert.Equal(1, await CountAsync(reference));
    }

    [Fact]
    public async Task An_invalid_bundle_is_a_400_OperationOutcome_and_stores_nothing()
    {
        var agent = await host.ClientForAsync("agent.a");
        var reference = $"HIS-{Guid.NewGuid():N}";
        var bundle = BirthBundle(reference, host.VillageA);
        bundle.Entry.Select(e => e.Resource).OfType<Observation>().First().Value = new FhirString("3.2 kg");
        var weightAt = bundle.Entry.FindIndex(e => e.Resource is Observation);

        var outcome = await OutcomeAsync(await PostAsync(agent, bundle.ToJson()), HttpStatusCode.BadRequest);

        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
        Assert.Equal(OperationOutcome.IssueType.Value, issue.Code);
        Assert.Equal([$"Bundle.entry[{weightAt}].resource.value"], issue.Expression);
        Assert.Equal(0, await CountAsync(reference));

        var notJson = await OutcomeAsync(await PostAsync(agent, "{\"resourceType\": \"Bundle\", "), HttpStatusCode.BadRequest);
        Assert.Equal(OperationOutcome.IssueType.Structure, Assert.Single(notJson.Issue).Code);
    }

    [Fact]
    public async Task Another_content_type_is_a_415_OperationOutcome()
    {
        var agent = await host.ClientForAsync("agent.a");
        var json = BirthBundle($"HIS-{Guid.NewGuid():N}", host.VillageA).ToJson();

        foreach (var type in new[] { "text/plain", "application/fhir+xml", "application/fhir+json; charset=iso-8859-1" })
        {
            var outcome = await OutcomeAsync(await PostAsync(agent, json, type), HttpStatusCode.UnsupportedMediaType);
            Assert.Equal(OperationOutcome.IssueType.NotSupported, Assert.Single(outcome.Issue).Code);
        }
    }

    [Fact]
    public async Task A_village_outside_the_callers_area_is_a_400_naming_eventPlaceCode()
    {
        var agent = await host.ClientForAsync("agent.a");
        var reference = $"HIS-{Guid.NewGuid():N}";

        var outcome = await OutcomeAsync(await PostAsync(agent, BirthBundle(reference, host.VillageB).ToJson()), HttpStatusCode.BadRequest);

        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(["eventPlaceCode"], issue.Expression);
        Assert.Contains("outside", issue.Diagnostics);
        Assert.Equal(0, await CountAsync(reference));
    }

    [Fact]
    public async Task A_hospital_system_notifies_a_death_with_its_causes()
    {
        var system = await host.ClientForAsync("system.n");
        var registrar = await host.ClientForAsync("registrar.a");
        var reference = $"HIS-{Guid.NewGuid():N}";

        var id = await CreatedAsync(await PostAsync(system, DeathBundle(reference, host.VillageA).ToJson()));

        var stored = await registrar.GetFromJsonAsync<NotificationView>($"/api/civil/notifications/{id}", NokorHost.Json);
        Assert.Equal(VitalEvent.Death, stored!.Event);
        // The read is audited with the purpose the registrar's system stated (X-Purpose).
        Assert.Equal("Automated test", Assert.Single(await host.AuditForAsync(id.ToString()), a => a.Action == "civil.notification.read").Purpose);
        Assert.Equal(DaysAgo(1), stored.EventDate);
        Assert.Equal("ចាន់ វណ្ណា", stored.SubjectNameKm);
        var cause = stored.Details.Cause!;
        Assert.Equal("I21.9", cause.LineA!.Icd10);
        Assert.Equal("3 days", cause.LineA.Interval);
        Assert.Equal("I25.1", cause.LineB!.Icd10);
        Assert.Equal("Type 2 diabetes mellitus", cause.Contributing);
        Assert.Equal("Disease", cause.Manner);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_FHIR_endpoint_and_its_FHIR_answers()
    {
        var doc = await host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var post = doc.GetProperty("paths").GetProperty(Url).GetProperty("post");
        Assert.Equal("Notify a birth, a death or a stillbirth as a FHIR R4 Bundle", post.GetProperty("summary").GetString());
        Assert.Contains("https://nokor.gov.kh/gazetteer", post.GetProperty("description").GetString());
        Assert.True(post.GetProperty("responses").GetProperty("201").GetProperty("content").TryGetProperty(FhirJson, out _));
        Assert.True(post.GetProperty("responses").GetProperty("415").GetProperty("content").TryGetProperty(FhirJson, out _));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string contentType = FhirJson)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync(Url, content);
    }

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        var outcome = await OutcomeAsync(response, HttpStatusCode.Created);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Information, issue.Severity);
        var id = Guid.Parse(issue.Diagnostics ?? "");
        Assert.Equal($"/api/civil/notifications/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    private static async Task<OperationOutcome> OutcomeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(FhirJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("OperationOutcome", JsonDocument.Parse(text).RootElement.GetProperty("resourceType").GetString());
        return new FhirJsonDeserializer().Deserialize<OperationOutcome>(text);
    }

    private async Task<int> CountAsync(string reference)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
        return await db.Notifications.CountAsync(n => n.SourceReference == reference);
    }

    private static Bundle BirthBundle(string reference, string village)
    {
        var date = DaysAgo(2);
        return Bundle(reference, village,
            new Patient
            {
                Id = "child",
                Gender = AdministrativeGender.Female,
                BirthDateElement = new Date(date)
                {
                    Extension = [new Extension("http://hl7.org/fhir/StructureDefinition/patient-birthTime", new FhirDateTime($"{date}T06:45:00+07:00"))],
                },
                MultipleBirth = new Integer(2),
            },
            new RelatedPerson
            {
                Patient = new ResourceReference("Patient/child"),
                Relationship = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "MTH")],
                Name = [new HumanName { Text = "សុខ ស្រីល័ក្ខ" }, new HumanName { Family = "Sok", Given = ["Sreyleak"] }],
                BirthDate = "1995-02-10",
            },
            new Observation
            {
                Status = ObservationStatus.Final,
                Code = new CodeableConcept("http://loinc.org", "8339-4"),
                Value = new Quantity { Value = 3.2m, Unit = "kg", System = "http://unitsofmeasure.org", Code = "kg" },
            });
    }

    private static Bundle DeathBundle(string reference, string village)
    {
        Condition Cause(string text, string icd10, string? interval, bool contributing = false)
        {
            var condition = new Condition
            {
                Subject = new ResourceReference("Patient/deceased"),
                Code = new CodeableConcept { Text = text, Coding = [new Coding("http://hl7.org/fhir/sid/icd-10", icd10)] },
                Onset = interval is null ? null : new FhirString(interval),
            };
            if (contributing)
            {
                condition.Category.Add(new CodeableConcept("https://nokor.gov.kh/fhir/CodeSystem/cause-of-death-part", "contributing"));
            }

            return condition;
        }

        return Bundle(reference, village,
            new Patient
            {
                Id = "deceased",
                Gender = AdministrativeGender.Male,
                BirthDate = "1950-03-04",
                Deceased = new FhirDateTime($"{DaysAgo(1)}T10:00:00+07:00"),
                Name = [new HumanName { Family = "ចាន់", Given = ["វណ្ណា"] }],
            },
            Cause("Acute myocardial infarction", "I21.9", "3 days"),
            Cause("Atherosclerotic heart disease", "I25.1", "10 years"),
            Cause("Type 2 diabetes mellitus", "E11.9", null, contributing: true),
            new Observation
            {
                Status = ObservationStatus.Final,
                Code = new CodeableConcept("http://loinc.org", "69449-7"),
                Value = new CodeableConcept("http://snomed.info/sct", "38605008"),
            });
    }

    private static Bundle Bundle(string reference, string village, params Resource[] resources)
    {
        var bundle = new Bundle
        {
            Type = Hl7.Fhir.Model.Bundle.BundleType.Collection,
            Identifier = new Identifier("https://his.calmette.example/events", reference),
            Meta = new Meta { Source = "https://his.calmette.example/fhir" },
        };
        foreach (var resource in resources.Concat(
                 [
                     new Location { Name = "Calmette Hospital", Identifier = [new Identifier("https://nokor.gov.kh/gazetteer", village)] },
                     new Encounter
                     {
                         Status = Encounter.EncounterStatus.Finished,
                         Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP"),
                         ServiceProvider = new ResourceReference { Display = "Calmette Hospital" },
                     },
                 ]))
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"urn:uuid:{Guid.NewGuid()}", Resource = resource });
        }

        return bundle;
    }
}
