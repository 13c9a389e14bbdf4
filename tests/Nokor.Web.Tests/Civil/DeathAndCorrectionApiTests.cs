using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Population.Contracts;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Civil;

public sealed class DeathAndCorrectionApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    private static Dictionary<string, object?> DeathBody(PersonRecord person, string village, string deathDate, object? cause = null)
    {
        var body = DeathBody(person.Kidc, village, deathDate, cause);
        CivilIntents.Deceased((Dictionary<string, object?>)body["death"]!, person);
        return body;
    }

    private static Dictionary<string, object?> DeathBody(string kidc, string village, string deathDate, object? cause = null) => new()
    {
        ["id"] = Guid.NewGuid(),
        ["death"] = new Dictionary<string, object?>
        {
            ["deceasedKidc"] = kidc,
            ["deceasedSurnameKm"] = "ចាន់", ["deceasedGivenNameKm"] = "សុខា", ["deceasedSurnameLatin"] = "Chan", ["deceasedGivenNameLatin"] = "Sokha",
            ["deceasedSex"] = "Male", ["deceasedBirthDate"] = "1950-01-01",
            ["deathDate"] = deathDate,
            ["deathTime"] = "14:20",
            ["deathPlaceCode"] = village,
            ["placeKind"] = "HealthFacility",
            ["facilityName"] = "Provincial Referral Hospital",
            ["informant"] = new { kind = "Relative", name = "Chan Dara", relationship = "son" },
            ["cause"] = cause ?? new
            {
                lineA = new { condition = "Septic shock", icd10 = "R57.2", interval = "1 day" },
                lineB = new { condition = "Dengue haemorrhagic fever", icd10 = "A91", interval = "6 days" },
                contributing = "Type 2 diabetes mellitus",
                contributingIcd10 = "E11.9",
                manner = "Disease",
                certifierName = "Dr. Keo Sopheap",
                certifierRole = "doctor",
            },
        },
    };

    [Fact]
    public async Task An_approved_death_makes_the_person_deceased_and_keeps_the_KIDC()
    {
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var person = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, "ចាន់", "សុខា", "Chan", "Sokha", "1950-01-01"));

        var response = await agent.PostAsJsonAsync("/api/civil/registrations/deaths", DeathBody(person, host.VillageA, DaysAgo(2)));
        var entered = await CivilIntents.ReadAsync<RegistrationView>(response);
        Assert.Equal("R57.2", entered.Death!.Cause!.LineA!.Icd10);
        Assert.Equal("Chan Sokha", entered.SubjectNameLatin);
        await second.StepAsync(entered.Id, "verify");
        var approved = await registrar.StepAsync(entered.Id, "approve");
        Assert.StartsWith($"D{host.CommuneA}-", approved.Number);

        var read = await registrar.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{person.Kidc}", NokorHost.Json);
        Assert.Equal(LifeStatus.Deceased, read!.LifeStatus);
        Assert.Equal(DateOnly.Parse(DaysAgo(2)), read.DeathDate);

        // A second death application for the same person is refused.
        var again = await agent.PostAsJsonAsync("/api/civil/registrations/deaths", DeathBody(person, host.VillageA, DaysAgo(2)));
        var problem = await CivilIntents.ProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("death.deceasedKidc", out _));
    }

    [Theory]
    [InlineData("before-birth", "death.deathDate")]
    [InlineData("bad-kidc", "death.deceasedKidc")]
    [InlineData("no-immediate-cause", "death.cause.lineA")]
    [InlineData("bad-icd", "death.cause.lineA.icd10")]
    [InlineData("woman-no-pregnancy", "death.cause.pregnancy")]
    public async Task Bad_death_applications_name_the_field(string problem, string field)
    {
        var agent = await host.ClientForAsync("agent.a");
        var body = host.PersonBody(host.VillageA, "ហេង", "ស្រីមុំ", "Heng", "Sreymom", "1990-05-05");
        body["sex"] = "Female";
        var woman = await host.RegisterPersonAsync(agent, body);
        var death = problem switch
        {
            "before-birth" => DeathBody(woman, host.VillageA, "1989-01-01", new { lineA = new { condition = "Unknown" }, manner = "CouldNotBeDetermined", pregnancy = "Unknown" }),
            "bad-kidc" => DeathBody("1234567890", host.VillageA, DaysAgo(1)),
            "no-immediate-cause" => DeathBody(woman, host.VillageA, DaysAgo(1), new { lineB = new { condition = "Malaria" }, manner = "Disease", pregnancy = "NotPregnant" }),
            "bad-icd" => DeathBody(woman, host.VillageA, DaysAgo(1), new { lineA = new { condition = "Malaria", icd10 = "malaria" }, manner = "Disease", pregnancy = "NotPregnant" }),
            _ => DeathBody(woman, host.VillageA, DaysAgo(1), new { lineA = new { condition = "Postpartum haemorrhage", icd10 = "O72.1" }, manner = "Disease" }),
        };
        var response = await agent.PostAsJsonAsync("/api/civil/registrations/deaths", death);
        var details = await CivilIntents.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(details.GetProperty("errors").TryGetProperty(field, out _), details.ToString());
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(r => r.Id == (Guid)death["id"]!));
    }

    [Fact]
    public async Task A_correction_needs_evidence_and_another_registrar_and_makes_a_new_version()
    {
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var senior = await host.ClientForAsync("senior.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(4), givenNameKm: "សុផល", givenNameLatin: "Sophal"));
        await second.StepAsync(entered.Id, "verify");
        var approved = await registrar.StepAsync(entered.Id, "approve");

        // Evidence: a scanned letter, sniffed by its bytes.
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3 };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "letter.png");
        form.Add(new StringContent("Hospital letter"), "description");
        var annex = await CivilIntents.ReadAsync<AnnexView>(await registrar.PostAsync($"/api/civil/registrations/{entered.Id}/annexes", form));
        Assert.Equal("image/png", annex.ContentType);
        Assert.Equal(64, annex.Sha256.Length);
        var inline = await registrar.GetAsync($"/api/civil/registrations/{entered.Id}/annexes/{annex.Id}");
        Assert.Equal(png, await inline.Content.ReadAsByteArrayAsync());
        // The read is audited with the purpose the caller stated (this client states "Automated test").
        Assert.Equal("Automated test", Assert.Single(await host.AuditForAsync(entered.Id.ToString()), a => a.Action == "civil.annex.read").Purpose);
        using (var unreadable = new HttpRequestMessage(HttpMethod.Get, $"/api/civil/registrations/{entered.Id}/annexes/{annex.Id}"))
        {
            unreadable.Headers.Add("X-Purpose", new string('x', 201));
            unreadable.Headers.Authorization = registrar.DefaultRequestHeaders.Authorization;
            var tooLong = await host.CreateClient().SendAsync(unreadable);
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
            Assert.Contains("\"purpose\"", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var corrected = approved.Birth! with { Child = approved.Birth!.Child! with { GivenNameLatin = "Sophall" } };
        var noEvidence = await registrar.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/corrections", new { birth = corrected, reason = "Spelling" });
        await CivilIntents.ProblemAsync(noEvidence, HttpStatusCode.BadRequest);
        var requested = await CivilIntents.ReadAsync<CorrectionView>(await registrar.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/corrections",
            new { birth = corrected, reason = "Spelling of the given name", evidenceAnnexId = annex.Id }));

        // The requester cannot approve their own correction.
        await CivilIntents.ProblemAsync(await registrar.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/corrections/{requested.Id}/decision", new { approve = true }), HttpStatusCode.BadRequest);
        var decided = await CivilIntents.ReadAsync<CorrectionView>(await senior.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/corrections/{requested.Id}/decision", new { approve = true, note = "Checked against the hospital letter" }));
        Assert.Equal(CorrectionStatus.Approved, decided.Status);
        Assert.Equal(2, decided.ResultingVersion);

        var view = await registrar.GetFromJsonAsync<RegistrationView>($"/api/civil/registrations/{entered.Id}", NokorHost.Json);
        Assert.Equal(2, view!.Version);
        Assert.Equal("Chan Sophall", view.SubjectNameLatin);
        var child = await registrar.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{approved.SubjectKidc}", NokorHost.Json);
        Assert.Equal("Sophall", child!.GivenNameLatin);
    }

    [Fact]
    public async Task An_annex_that_is_not_a_pdf_or_image_is_refused()
    {
        var agent = await host.ClientForAsync("agent.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(1), givenNameKm: "ចន្ទា", givenNameLatin: "Chanda"));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("MZ\u0090\0 this is an executable"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "scan.pdf");
        var problem = await CivilIntents.ProblemAsync(await agent.PostAsync($"/api/civil/registrations/{entered.Id}/annexes", form), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Annexes.AnyAsync(a => a.RegistrationId == entered.Id));
    }

    [Fact]
    public async Task A_multipart_body_that_does_not_parse_is_refused_naming_the_file_field()
    {
        var agent = await host.ClientForAsync("agent.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(1), givenNameKm: "សុភ័ក្ត្រ", givenNameLatin: "Sopheak"));
        using var noBoundary = new ByteArrayContent("\0\u0001garbage"u8.ToArray());
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        var problem = await CivilIntents.ProblemAsync(await agent.PostAsync($"/api/civil/registrations/{entered.Id}/annexes", noBoundary), HttpStatusCode.BadRequest);
        Assert.Contains("malformed", problem.GetProperty("errors").GetProperty("file")[0].GetString());

        using var cut = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 and no closing boundary"u8.ToArray());
        cut.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        problem = await CivilIntents.ProblemAsync(await agent.PostAsync($"/api/civil/registrations/{entered.Id}/annexes", cut), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Annexes.AnyAsync(a => a.RegistrationId == entered.Id));
    }

    [Fact]
    public async Task An_information_request_is_received_decided_and_delivered_with_the_extract()
    {
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(6), givenNameKm: "ម៉ាលី", givenNameLatin: "Maly"));
        await second.StepAsync(entered.Id, "verify");
        var approved = await registrar.StepAsync(entered.Id, "approve");

        var stranger = await agent.PostAsJsonAsync("/api/civil/information-requests", new
        {
            registrationNumber = approved.Number, requesterKind = "Person", requesterName = "Someone", requesterKidc = approved.SubjectKidc == null ? null : Nokor.Population.Contracts.KidcRule.Complete("187654321"), purpose = "Curiosity",
        });
        await CivilIntents.ProblemAsync(stranger, HttpStatusCode.BadRequest);

        var received = await CivilIntents.ReadAsync<InformationRequestView>(await agent.PostAsJsonAsync("/api/civil/information-requests", new
        {
            registrationNumber = approved.Number, requesterKind = "Institution", requesterName = "Ministry of Health", agreement = "MoH-GDI 2025/07", purpose = "Vaccination register",
        }));
        var decided = await CivilIntents.ReadAsync<InformationRequestView>(await registrar.PostAsJsonAsync($"/api/civil/information-requests/{received.Id}/decision", new { approve = true }));
        Assert.Equal(InformationRequestStatus.Approved, decided.Status);
        var delivered = await CivilIntents.ReadAsync<InformationRequestView>(await agent.PostAsJsonAsync($"/api/civil/information-requests/{received.Id}/delivery", new { channel = "email" }));
        Assert.Equal(InformationRequestStatus.Delivered, delivered.Status);
        Assert.Equal(approved.SubjectKidc, delivered.Extract!.Kidc);
        var audit = await host.AuditForAsync(entered.Id.ToString());
        Assert.Contains(audit, a => a.Action == "civil.information.deliver" && a.Purpose == "Vaccination register");
    }
}
