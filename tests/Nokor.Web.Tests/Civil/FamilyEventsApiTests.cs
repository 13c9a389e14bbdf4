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
using Nokor.Platform.Pdf;
using Nokor.Population.Contracts;
using Nokor.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace Nokor.Web.Tests.Civil;

/// <summary>
/// Adoption, recognition, foetal death and change of name over HTTP (issue 17): the bad inputs
/// named by field with nothing written, and what the registry and the birth registration hold after
/// each approval.
/// </summary>
public sealed class FamilyEventsApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    private async Task<PersonRecord> PersonAsync(string surnameKm, string givenKm, string surnameLatin, string givenLatin, string birthDate, string sex)
    {
        var agent = await host.ClientForAsync("agent.a");
        var body = host.PersonBody(host.VillageA, surnameKm, givenKm, surnameLatin, givenLatin, birthDate);
        body["sex"] = sex;
        return await host.RegisterPersonAsync(agent, body);
    }

    private async Task<PersonRecord> ReadPersonAsync(string kidc)
    {
        var registrar = await host.ClientForAsync("registrar.a");
        return (await registrar.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{kidc}", NokorHost.Json))!;
    }

    /// <summary>Verified by a second agent and approved by the registrar, as every registration.</summary>
    private async Task<RegistrationView> VerifyAndApproveAsync(Guid id)
    {
        await (await host.ClientForAsync("agent.a2")).StepAsync(id, "verify");
        return await (await host.ClientForAsync("registrar.a")).StepAsync(id, "approve");
    }

    private async Task<RegistrationView> ApprovedBirthAsync(PersonRecord mother, PersonRecord? father, string givenKm, string givenLatin)
    {
        var agent = await host.ClientForAsync("agent.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(3), mother, father, givenNameKm: givenKm, givenNameLatin: givenLatin));
        return await VerifyAndApproveAsync(entered.Id);
    }

    private static async Task<(string Serial, string Token)> PrintAsync(HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"/api/civil/registrations/{id}/certificates", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.True(PdfReader.TryReadKeywords(await response.Content.ReadAsByteArrayAsync(), out var token));
        return (response.Headers.GetValues("X-Certificate-Serial").Single(), token);
    }

    private async Task<CertificateCheck> VerifyTokenAsync(string token) =>
        (await host.CreateClient().GetFromJsonAsync<CertificateCheck>($"/api/public/certificates/verify?token={Uri.EscapeDataString(token)}", NokorHost.Json))!;

    private async Task<bool> RegisteredAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(r => r.Id == id);
    }

    private static Dictionary<string, object?> AdoptionBody(string kind, PersonRecord child, PersonRecord? mother, PersonRecord? father, string decisionDate,
        Dictionary<string, object?>? names = null)
    {
        var adoption = new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["adoptee"] = CivilIntents.Parent(child),
            ["adoptiveMother"] = mother is null ? null : CivilIntents.Parent(mother),
            ["adoptiveFather"] = father is null ? null : CivilIntents.Parent(father),
            ["court"] = "Phnom Penh Court of First Instance",
            ["caseNumber"] = $"ADP-{Guid.NewGuid().ToString("N")[..8]}",
            ["decisionDate"] = decisionDate,
        };
        foreach (var (key, value) in names ?? [])
        {
            adoption[key] = value;
        }

        return new() { ["id"] = Guid.NewGuid(), ["adoption"] = adoption };
    }

    [Fact]
    public async Task A_full_adoption_of_a_child_over_the_age_is_refused_naming_the_age_and_writes_nothing()
    {
        var agent = await host.ClientForAsync("agent.a");
        var child = await PersonAsync("សួន", "វិសាល", "Suon", "Visal", DaysAgo(9 * 365 + 40), "Male");
        var mother = await PersonAsync("ម៉ៅ", "ចន្ធូ", "Mao", "Chanthou", "1984-03-02", "Female");
        var body = AdoptionBody("Full", child, mother, null, DaysAgo(1));

        var response = await agent.PostAsJsonAsync("/api/civil/registrations/adoptions", body);

        var problem = await CivilIntents.ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("adoption.adoptee.birthDate")[0].GetString();
        Assert.Contains("under 8", message, StringComparison.Ordinal);
        Assert.Contains("was 9", message, StringComparison.Ordinal);
        Assert.False(await RegisteredAsync((Guid)body["id"]!));

        // The same child may be adopted simply: the age limit is the full adoption's.
        var simple = await agent.PostAsJsonAsync("/api/civil/registrations/adoptions", AdoptionBody("Simple", child, mother, null, DaysAgo(1)));
        Assert.Equal(VitalEvent.Adoption, (await CivilIntents.ReadAsync<RegistrationView>(simple)).Event);
    }

    [Fact]
    public async Task An_adoption_naming_an_adoptive_parent_the_registry_does_not_confirm_is_refused_on_that_kidc()
    {
        var agent = await host.ClientForAsync("agent.a");
        var child = await PersonAsync("ទេព", "បុប្ផា", "Tep", "Bopha", DaysAgo(3 * 365), "Female");
        var mother = await PersonAsync("សុខ", "គន្ធា", "Sok", "Kunthea", "1986-11-20", "Female");
        var body = AdoptionBody("Full", child, mother, null, DaysAgo(2));
        ((Dictionary<string, object?>)((Dictionary<string, object?>)body["adoption"]!)["adoptiveMother"]!)["givenNameKm"] = "ចន្ធូ";

        var problem = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync("/api/civil/registrations/adoptions", body), HttpStatusCode.BadRequest);

        Assert.Equal("The Population Registry does not confirm this KIDC with these names and date of birth for this role: check them against the identity document.",
            problem.GetProperty("errors").GetProperty("adoption.adoptiveMother.kidc")[0].GetString());
        Assert.False(await RegisteredAsync((Guid)body["id"]!));
    }

    [Fact]
    public async Task A_recognition_of_a_child_who_already_has_that_parent_is_refused_on_the_parent_kidc()
    {
        var agent = await host.ClientForAsync("agent.a");
        var mother = await PersonAsync("ឈឹម", "សុភាព", "Chhim", "Sopheap", "1993-07-14", "Female");
        var father = await PersonAsync("ចាន់", "វិចិត្រ", "Chan", "Vichet", "1990-01-05", "Male");
        var other = await PersonAsync("លី", "សុវណ្ណ", "Ly", "Sovann", "1989-09-09", "Male");
        var birth = await ApprovedBirthAsync(mother, father, "ពិសី", "Pisey");
        var child = await ReadPersonAsync(birth.SubjectKidc!);

        foreach (var (parent, expected) in new[] { (father, "already has this father"), (other, "already has a father") })
        {
            var body = new Dictionary<string, object?>
            {
                ["id"] = Guid.NewGuid(),
                ["recognition"] = new Dictionary<string, object?>
                {
                    ["child"] = CivilIntents.Parent(child), ["parentRole"] = "Father", ["parent"] = CivilIntents.Parent(parent), ["declarationDate"] = DaysAgo(1),
                },
            };
            var problem = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync("/api/civil/registrations/recognitions", body), HttpStatusCode.BadRequest);
            Assert.Contains(expected, problem.GetProperty("errors").GetProperty("recognition.parent.kidc")[0].GetString(), StringComparison.Ordinal);
            Assert.False(await RegisteredAsync((Guid)body["id"]!));
        }
    }

    [Fact]
    public async Task A_recognition_adds_the_father_in_the_registry_and_in_a_new_birth_version_with_a_new_certificate()
    {
        var agent = await host.ClientForAsync("agent.a");
        var registrar = await host.ClientForAsync("registrar.a");
        var mother = await PersonAsync("ស៊ាង", "ស្រីនាង", "Seang", "Sreyneang", "1996-04-30", "Female");
        var father = await PersonAsync("ហ៊ុន", "ដារ៉ា", "Hun", "Dara", "1994-12-01", "Male");
        var birth = await ApprovedBirthAsync(mother, null, "រតនា", "Rathana");
        var (_, firstToken) = await PrintAsync(registrar, birth.Id);
        var child = await ReadPersonAsync(birth.SubjectKidc!);

        var entered = await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync("/api/civil/registrations/recognitions", new
        {
            id = Guid.NewGuid(),
            recognition = new { child = CivilIntents.Parent(child), parentRole = "Father", parent = CivilIntents.Parent(father), declarationDate = DaysAgo(1) },
        }));
        var approved = await VerifyAndApproveAsync(entered.Id);

        Assert.StartsWith($"R{host.CommuneA}-", approved.Number);
        Assert.Equal(father.Kidc, (await ReadPersonAsync(child.Kidc)).Father?.Kidc);
        var newBirth = await registrar.GetFromJsonAsync<RegistrationView>($"/api/civil/registrations/{birth.Id}", NokorHost.Json);
        Assert.Equal(2, newBirth!.Version);
        Assert.Equal(father.Kidc, newBirth.Birth!.Father!.Kidc);
        Assert.Equal(mother.Kidc, newBirth.Birth.Mother!.Kidc);
        var (serial, _) = await PrintAsync(registrar, birth.Id);
        Assert.Equal($"{birth.Number}/2", serial);
        Assert.Equal(CertificateState.Superseded, (await VerifyTokenAsync(firstToken)).State);
        var own = await CivilIntents.ProblemAsync(await registrar.PostAsync($"/api/civil/registrations/{entered.Id}/certificates", null), HttpStatusCode.Conflict);
        Assert.Contains("new birth certificate", own.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_adoption_replaces_the_parents_and_seals_the_original_birth_registration_for_senior_registrars_only()
    {
        var agent = await host.ClientForAsync("agent.a");
        var registrar = await host.ClientForAsync("registrar.a");
        var senior = await host.ClientForAsync("senior.a");
        var mother = await PersonAsync("ពៅ", "សុខលី", "Pov", "Sokly", "1999-02-11", "Female");
        var adoptiveMother = await PersonAsync("គឹម", "ចន្ធី", "Kim", "Chanthy", "1982-08-19", "Female");
        var adoptiveFather = await PersonAsync("គឹម", "សុខេង", "Kim", "Sokheng", "1980-05-23", "Male");
        var birth = await ApprovedBirthAsync(mother, null, "ស្រីពៅ", "Sreypov");
        var (_, originalToken) = await PrintAsync(registrar, birth.Id);
        var child = await ReadPersonAsync(birth.SubjectKidc!);

        var entered = await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync("/api/civil/registrations/adoptions",
            AdoptionBody("Full", child, adoptiveMother, adoptiveFather, DaysAgo(1), new()
            {
                // The court gave the adoptive father's surname; the given name stays.
                ["newSurnameKm"] = "គឹម", ["newSurnameLatin"] = "Kim",
            })));
        var approved = await VerifyAndApproveAsync(entered.Id);
        Assert.StartsWith($"P{host.CommuneA}-", approved.Number);

        // The registry: the adoptive parents are the parents, the child bears the new names.
        var adopted = await ReadPersonAsync(child.Kidc);
        Assert.Equal(adoptiveMother.Kidc, adopted.Mother?.Kidc);
        Assert.Equal(adoptiveFather.Kidc, adopted.Father?.Kidc);
        Assert.Equal("គឹម", adopted.SurnameKm);

        // The birth registration as a registrar sees it: the new version only.
        var view = await registrar.GetFromJsonAsync<RegistrationView>($"/api/civil/registrations/{birth.Id}", NokorHost.Json);
        Assert.Equal(2, view!.Version);
        Assert.Equal(1, view.SealedThroughVersion);
        Assert.Equal(adoptiveMother.Kidc, view.Birth!.Mother!.Kidc);
        Assert.Equal("Kim Sreypov", view.SubjectNameLatin);
        Assert.Empty(view.Certificates);
        var history = await registrar.GetFromJsonAsync<List<RegistrationHistoryEntry>>($"/api/civil/registrations/{birth.Id}/history", NokorHost.Json);
        Assert.DoesNotContain(history!, h => h.Version == 1);
        Assert.Contains(history!, h => h.Action == "adoption.full" && h.Note == approved.Number);
        var original = await (await registrar.GetAsync($"/api/civil/registrations/{birth.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(mother.Kidc, original, StringComparison.Ordinal);

        // A registrar may not read the sealed versions, and the attempt is audited.
        var refused = await CivilIntents.ProblemAsync(await registrar.GetAsync($"/api/civil/registrations/{birth.Id}/sealed-versions"), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("reader", out _));
        var certificateId = (await senior.GetFromJsonAsync<List<SealedVersionView>>($"/api/civil/registrations/{birth.Id}/sealed-versions", NokorHost.Json))!
            .Single().Certificates.Single().Id;
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync($"/api/civil/registrations/{birth.Id}/certificates/{certificateId}.pdf")).StatusCode);

        // A senior registrar reads them for a stated purpose, audited.
        var sealedVersions = await senior.GetFromJsonAsync<List<SealedVersionView>>($"/api/civil/registrations/{birth.Id}/sealed-versions", NokorHost.Json);
        var first = Assert.Single(sealedVersions!);
        Assert.Equal(mother.Kidc, first.Birth!.Mother!.Kidc);
        Assert.Equal("Sreypov", first.Birth.Child!.GivenNameLatin);
        Assert.Contains(first.History, h => h.Action == "entered");
        var audit = await host.AuditForAsync(birth.Id.ToString());
        Assert.Contains(audit, a => a.Action == "civil.registration.sealed.refused");
        Assert.Contains(audit, a => a.Action == "civil.registration.sealed.read" && a.Purpose == "Automated test");

        // The certificate of the sealed version verifies as superseded; a new one shows the adoptive parents.
        Assert.Equal(CertificateState.Superseded, (await VerifyTokenAsync(originalToken)).State);
        var (serial, token) = await PrintAsync(registrar, birth.Id);
        Assert.Equal($"{birth.Number}/2", serial);
        Assert.Equal("គឹម ស្រីពៅ", (await VerifyTokenAsync(token)).NameKm);
    }

    [Fact]
    public async Task A_simple_adoption_adds_the_adoptive_parents_and_keeps_the_biological_ones()
    {
        var agent = await host.ClientForAsync("agent.a");
        var registrar = await host.ClientForAsync("registrar.a");
        var mother = await PersonAsync("អ៊ុំ", "សុគន្ធា", "Um", "Sokunthea", "1997-10-03", "Female");
        var adoptiveFather = await PersonAsync("ស៊ុន", "ភារ៉ា", "Sun", "Phara", "1978-06-16", "Male");
        var birth = await ApprovedBirthAsync(mother, null, "មុន្នី", "Monny");
        var child = await ReadPersonAsync(birth.SubjectKidc!);

        var entered = await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync("/api/civil/registrations/adoptions",
            AdoptionBody("Simple", child, null, adoptiveFather, DaysAgo(1))));
        await VerifyAndApproveAsync(entered.Id);

        var after = await ReadPersonAsync(child.Kidc);
        Assert.Equal(mother.Kidc, after.Mother?.Kidc);
        Assert.Contains(after.AdoptiveParents, p => p.Kidc == adoptiveFather.Kidc);
        var view = await registrar.GetFromJsonAsync<RegistrationView>($"/api/civil/registrations/{birth.Id}", NokorHost.Json);
        Assert.Equal(2, view!.Version);
        Assert.Null(view.SealedThroughVersion);
        Assert.Equal(mother.Kidc, view.Birth!.Mother!.Kidc);
        Assert.Equal(adoptiveFather.Kidc, view.Birth.AdoptiveFather!.Kidc);
    }

    [Fact]
    public async Task A_stillbirth_notified_as_a_FHIR_bundle_is_registered_with_a_number_and_creates_no_person()
    {
        var system = await host.ClientForAsync("system.n");
        var agent = await host.ClientForAsync("agent.a");
        var registrar = await host.ClientForAsync("registrar.a");
        var reference = $"HIS-{Guid.NewGuid():N}";
        var content = new StringContent(StillbirthBundle(reference, host.VillageA, weeks: 32).ToJson(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
        var posted = await system.PostAsync("/api/civil/notifications/fhir", content);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var notificationId = Guid.Parse(posted.Headers.Location!.OriginalString.Split('/').Last());
        var notification = await agent.GetFromJsonAsync<NotificationView>($"/api/civil/notifications/{notificationId}", NokorHost.Json);
        Assert.Equal(VitalEvent.FoetalDeath, notification!.Event);
        Assert.Equal(32, notification.Details.GestationWeeks);
        Assert.Equal(1900, notification.Details.BirthWeightGrams);
        Assert.Equal("P02.1", notification.Details.Cause!.LineA!.Icd10);
        Assert.Equal("Male", notification.Details.ChildSex);
        var before = await host.CountsAsync();

        var entered = await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync("/api/civil/registrations/foetal-deaths",
            FoetalDeathBody(notificationId, weeks: 32)));
        var approved = await VerifyAndApproveAsync(entered.Id);

        Assert.Equal(RegistrationStatus.Approved, approved.Status);
        Assert.StartsWith($"F{host.CommuneA}-", approved.Number);
        Assert.Null(approved.SubjectKidc);
        Assert.Equal("ហេង សុភា (ម្ដាយ)", approved.SubjectNameKm);
        Assert.Equal(32, approved.FoetalDeath!.GestationWeeks);
        Assert.Equal(before.Persons, (await host.CountsAsync()).Persons);
        var print = await CivilIntents.ProblemAsync(await registrar.PostAsync($"/api/civil/registrations/{approved.Id}/certificates", null), HttpStatusCode.Conflict);
        Assert.Contains("extract", print.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var linked = await agent.GetFromJsonAsync<NotificationView>($"/api/civil/notifications/{notificationId}", NokorHost.Json);
        Assert.Equal(approved.Id, linked!.RegistrationId);
    }

    [Fact]
    public async Task A_foetal_death_below_the_gestation_the_law_registers_is_refused_and_writes_nothing()
    {
        var agent = await host.ClientForAsync("agent.a");
        var body = FoetalDeathBody(null, weeks: 18);

        var problem = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync("/api/civil/registrations/foetal-deaths", body), HttpStatusCode.BadRequest);

        Assert.Contains("from 22 completed weeks", problem.GetProperty("errors").GetProperty("foetalDeath.gestationWeeks")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await RegisteredAsync((Guid)body["id"]!));
    }

    [Fact]
    public async Task A_name_change_gives_every_later_certificate_the_new_name_and_the_earlier_one_verifies_as_superseded()
    {
        var agent = await host.ClientForAsync("agent.a");
        var registrar = await host.ClientForAsync("registrar.a");
        var mother = await PersonAsync("សេង", "ម៉ាលីស", "Seng", "Malis", "1992-03-27", "Female");
        var birth = await ApprovedBirthAsync(mother, null, "ស្រីល័ក្ខ", "Sreyleak");
        var (_, oldToken) = await PrintAsync(registrar, birth.Id);
        var child = await ReadPersonAsync(birth.SubjectKidc!);

        var entered = await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync("/api/civil/registrations/name-changes", new
        {
            id = Guid.NewGuid(),
            nameChange = new
            {
                person = CivilIntents.Parent(child),
                newSurnameKm = "ចាន់", newGivenNameKm = "សុធារី", newSurnameLatin = "Chan", newGivenNameLatin = "Sotheary",
                authority = "Administrative", decisionDate = DaysAgo(1), reason = "Parents' request within the first year",
            },
        }));
        var approved = await VerifyAndApproveAsync(entered.Id);
        Assert.StartsWith($"N{host.CommuneA}-", approved.Number);

        var renamed = await ReadPersonAsync(child.Kidc);
        Assert.Equal(("សុធារី", "Sotheary"), (renamed.GivenNameKm, renamed.GivenNameLatin));
        var view = await registrar.GetFromJsonAsync<RegistrationView>($"/api/civil/registrations/{birth.Id}", NokorHost.Json);
        Assert.Equal(2, view!.Version);
        Assert.Equal("Chan Sotheary", view.SubjectNameLatin);
        var (_, newToken) = await PrintAsync(registrar, birth.Id);
        var current = await VerifyTokenAsync(newToken);
        Assert.Equal((CertificateState.Current, "ចាន់ សុធារី"), (current.State!.Value, current.NameKm));
        Assert.Equal(CertificateState.Superseded, (await VerifyTokenAsync(oldToken)).State);

        // The same names again are refused on the field, and nothing is written.
        var again = new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid(),
            ["nameChange"] = new Dictionary<string, object?>
            {
                ["person"] = CivilIntents.Parent(renamed), ["newSurnameKm"] = "ចាន់", ["newGivenNameKm"] = "សុធារី", ["newSurnameLatin"] = "Chan",
                ["newGivenNameLatin"] = "Sotheary", ["authority"] = "Administrative", ["decisionDate"] = DaysAgo(1),
            },
        };
        var problem = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync("/api/civil/registrations/name-changes", again), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("nameChange.newGivenNameKm", out _));
        Assert.False(await RegisteredAsync((Guid)again["id"]!));
    }

    private Dictionary<string, object?> FoetalDeathBody(Guid? notificationId, int weeks) => new()
    {
        ["id"] = Guid.NewGuid(),
        ["notificationId"] = notificationId,
        ["foetalDeath"] = new Dictionary<string, object?>
        {
            ["mother"] = new Dictionary<string, object?>
            {
                ["surnameKm"] = "ហេង", ["givenNameKm"] = "សុភា", ["surnameLatin"] = "Heng", ["givenNameLatin"] = "Sophea", ["birthDate"] = "1994-08-08",
            },
            ["deliveryDate"] = DaysAgo(1),
            ["deliveryPlaceCode"] = host.VillageA,
            ["placeKind"] = "HealthFacility",
            ["facilityName"] = "Calmette Hospital",
            ["sex"] = "Male",
            ["gestationWeeks"] = weeks,
            ["weightGrams"] = 1900,
            ["birthType"] = "Single",
            ["cause"] = new { condition = "Placental abruption", icd10 = "P02.1" },
            ["attendant"] = "Doctor",
            ["residenceVillageCode"] = host.VillageA,
            ["informant"] = new { kind = "HealthFacility", name = "Calmette Hospital" },
        },
    };

    /// <summary>A stillbirth as a hospital system sends it (docs/fhir-stillbirth.md).</summary>
    private static Bundle StillbirthBundle(string reference, string village, int weeks)
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Identifier = new Identifier("https://his.calmette.example/events", reference),
            Meta = new Meta { Source = "https://his.calmette.example/fhir" },
        };
        Resource[] resources =
        [
            new Composition
            {
                Status = CompositionStatus.Final,
                Type = new CodeableConcept("http://loinc.org", "69045-3"),
                Date = DaysAgo(1),
                Author = [new ResourceReference { Display = "Calmette Hospital" }],
                Title = "Report of fetal death",
            },
            new Patient { Id = "foetus", Gender = AdministrativeGender.Male, BirthDate = DaysAgo(1), Deceased = new FhirBoolean(true) },
            new RelatedPerson
            {
                Patient = new ResourceReference("Patient/foetus"),
                Relationship = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "MTH")],
                Name = [new HumanName { Text = "ហេង សុភា" }, new HumanName { Family = "Heng", Given = ["Sophea"] }],
                BirthDate = "1994-08-08",
            },
            new Observation
            {
                Status = ObservationStatus.Final,
                Code = new CodeableConcept("http://loinc.org", "11884-4"),
                Value = new Quantity { Value = weeks, Unit = "wk", System = "http://unitsofmeasure.org", Code = "wk" },
            },
            new Observation
            {
                Status = ObservationStatus.Final,
                Code = new CodeableConcept("http://loinc.org", "8339-4"),
                Value = new Quantity { Value = 1.9m, Unit = "kg", System = "http://unitsofmeasure.org", Code = "kg" },
            },
            new Observation
            {
                Status = ObservationStatus.Final,
                Code = new CodeableConcept("http://loinc.org", "92022-3"),
                Value = new CodeableConcept { Text = "Placental abruption", Coding = [new Coding("http://hl7.org/fhir/sid/icd-10", "P02.1")] },
            },
            new Location { Name = "Calmette Hospital", Identifier = [new Identifier("https://nokor.gov.kh/gazetteer", village)] },
            new Encounter
            {
                Status = Encounter.EncounterStatus.Finished,
                Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP"),
                ServiceProvider = new ResourceReference { Display = "Calmette Hospital" },
            },
        ];
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"urn:uuid:{Guid.NewGuid()}", Resource = resource });
        }

        return bundle;
    }
}
