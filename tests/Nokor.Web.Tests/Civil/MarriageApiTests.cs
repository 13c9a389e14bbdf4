using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Pdf;
using Nokor.Platform.Signing;
using Nokor.Population.Contracts;
using Nokor.Web.Tests.Infrastructure;
using static Nokor.Web.Tests.Infrastructure.MarriageIntents;

namespace Nokor.Web.Tests.Civil;

/// <summary>Marriage registration over HTTP: the procedure end to end, the Civil Code's refusals, the registry and the certificate.</summary>
public sealed class MarriageApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string Marriages = "/api/civil/registrations/marriages";

    private async Task<(PersonRecord Husband, PersonRecord Wife)> CoupleAsync(string husbandKm, string husbandLatin, string wifeKm, string wifeLatin,
        string husbandBorn = "1994-05-12", string wifeBorn = "1996-09-30")
    {
        var agent = await host.ClientForAsync("agent.a");
        var husband = await host.PersonAsync(agent, host.VillageA, "Male", "សុខ", husbandKm, "Sok", husbandLatin, husbandBorn);
        var wife = await host.PersonAsync(agent, host.VillageA, "Female", "ចាន់", wifeKm, "Chan", wifeLatin, wifeBorn);
        return (husband, wife);
    }

    private async Task<PersonRecord> PersonAsync(string kidc)
    {
        var registrar = await host.ClientForAsync("registrar.a");
        return (await registrar.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{kidc}", NokorHost.Json))!;
    }

    private async Task<T> InCivilAsync<T>(Func<CivilDbContext, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CivilDbContext>());
    }

    [Fact]
    public async Task A_marriage_is_entered_verified_approved_and_both_spouses_are_married_in_the_registry_with_a_certificate_that_verifies()
    {
        var (husband, wife) = await CoupleAsync("ដារ៉ា", "Dara", "សុភា", "Sophea");
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");

        var entered = await CivilIntents.ReadAsync<RegistrationView>(
            await agent.PostAsJsonAsync(Marriages, MarriageBody(host.VillageA, DaysAgo(2), Spouse(husband), Spouse(wife))));
        Assert.Equal(VitalEvent.Marriage, entered.Event);
        Assert.Equal(RegistrationStatus.Entered, entered.Status);
        Assert.Equal("សុខ ដារ៉ា & ចាន់ សុភា", entered.SubjectNameKm);
        Assert.Equal(husband.Kidc, entered.SubjectKidc);
        Assert.True(entered.Marriage!.Husband!.Confirmed);
        Assert.Equal("Legal", entered.Marriage.PropertyRegime);

        await second.StepAsync(entered.Id, "verify");
        var approved = await registrar.StepAsync(entered.Id, "approve");
        Assert.Equal(RegistrationStatus.Approved, approved.Status);
        Assert.Matches($"^M{host.CommuneA}-\\d{{4}}-\\d{{6}}$", approved.Number);

        // The registry: both married, each linked to the other from the date, by the registration's reference.
        var h = await PersonAsync(husband.Kidc);
        var w = await PersonAsync(wife.Kidc);
        Assert.Equal(MaritalStatus.Married, h.MaritalStatus);
        Assert.Equal(MaritalStatus.Married, w.MaritalStatus);
        var link = Assert.Single(h.Spouses);
        Assert.Equal(wife.Kidc, link.SpouseKidc);
        Assert.Equal(DateOnly.Parse(DaysAgo(2)), link.From);
        Assert.Null(link.Until);
        Assert.Equal($"crvs:marriage:{entered.Id}", link.MarriageReference);
        Assert.Equal(husband.Kidc, Assert.Single(w.Spouses).SpouseKidc);

        // The marriage register holds it in force.
        var row = await InCivilAsync(db => db.Marriages.AsNoTracking().SingleAsync(m => m.RegistrationId == entered.Id));
        Assert.Equal(MarriageState.InForce, row.State);
        Assert.Equal(approved.Number, row.Number);

        // The certificate: printed, its file genuine with every signed field visible, and verified on the public API.
        var response = await registrar.PostAsync($"/api/civil/registrations/{entered.Id}/certificates", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.True(PdfReader.TryReadKeywords(pdf, out var token));
        var keys = host.Services.GetRequiredService<SigningKeyRing>().GetPublicKeySet();
        var file = host.Services.GetRequiredService<ICertificateFiles>().Check(pdf, keys);
        Assert.True(file.Verdict == CertificateFileVerdict.Genuine, file.Message);
        Assert.Equal("M", file.Payload!.Event);
        Assert.True(PdfReader.TryRead(pdf, out var contents, out _));
        Assert.Contains("សំបុត្រអាពាហ៍ពិពាហ៍", contents!.PageTexts[0].Replace(" ", ""), StringComparison.Ordinal);
        Assert.Contains("Marriage Certificate", contents.PageTexts[0], StringComparison.Ordinal);

        var check = await host.CreateClient().GetFromJsonAsync<CertificateCheck>($"/api/public/certificates/verify?token={Uri.EscapeDataString(token)}", NokorHost.Json);
        Assert.True(check!.Genuine);
        Assert.Equal(CertificateState.Current, check.State);
        Assert.Equal(VitalEvent.Marriage, check.Event);
        Assert.Equal("សុខ ដារ៉ា & ចាន់ សុភា", check.NameKm);
        Assert.Equal(approved.Number, check.RegistrationNumber);

        // The public page names the document a marriage certificate, with the check code printed on it.
        var serial = response.Headers.GetValues("X-Certificate-Serial").Single();
        var code = host.Services.GetRequiredService<Nokor.CivilRegistration.Certificates.CertificateCheckCodes>().For(serial, 1);
        var page = WebUtility.HtmlDecode(await host.CreateClient().GetStringAsync($"/verify?q={Uri.EscapeDataString(serial)}&c={code}"));
        Assert.Contains("សំបុត្រអាពាហ៍ពិពាហ៍", page, StringComparison.Ordinal);
        Assert.Contains("សុខ ដារ៉ា & ចាន់ សុភា", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_registrars_approving_the_same_marriage_at_once_give_one_200_and_one_409_and_one_marriage()
    {
        var (husband, wife) = await CoupleAsync("វិចិត្រ", "Vichet", "ស្រីនិច", "Sreynich");
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var senior = await host.ClientForAsync("senior.a");
        var entered = await CivilIntents.ReadAsync<RegistrationView>(
            await agent.PostAsJsonAsync(Marriages, MarriageBody(host.VillageA, DaysAgo(1), Spouse(husband), Spouse(wife))));
        await second.StepAsync(entered.Id, "verify");

        var answers = await Task.WhenAll(
            registrar.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/approve", new { }),
            senior.PostAsJsonAsync($"/api/civil/registrations/{entered.Id}/approve", new { }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(1, await InCivilAsync(db => db.Marriages.CountAsync(m => m.RegistrationId == entered.Id)));
        Assert.Single((await PersonAsync(husband.Kidc)).Spouses);
        Assert.Single((await PersonAsync(wife.Kidc)).Spouses);
    }

    [Theory]
    [InlineData("same-kidc-twice", "marriage.wife.kidc", "same person")]
    [InlineData("future-date", "marriage.marriageDate", "after today")]
    [InlineData("one-witness", "marriage.witnesses", "Two witnesses")]
    [InlineData("unknown-regime", "marriage.propertyRegime", "Use one of")]
    [InlineData("unknown-place", "marriage.marriagePlaceCode", "gazetteer")]
    [InlineData("under-16", "marriage.wife.birthDate", "art. 948")]
    [InlineData("17-without-consent", "marriage.wife.consent", "art. 948(2)")]
    [InlineData("foreign-without-passport", "marriage.husband.passportNumber", "passport")]
    [InlineData("wrong-names", "marriage.husband.kidc", "does not confirm")]
    public async Task Bad_marriage_applications_are_refused_naming_the_field_and_nothing_is_written(string problem, string field, string words)
    {
        var agent = await host.ClientForAsync("agent.a");
        var husband = await host.PersonAsync(agent, host.VillageA, "Male", "កែវ", "ពិសិដ្ឋ", "Keo", "Piseth", "1990-02-14");
        var wifeBorn = problem switch
        {
            "under-16" => DaysAgo(365 * 15 + 10),
            "17-without-consent" => DaysAgo(365 * 17 + 30),
            _ => "1993-11-08",
        };
        var wife = await host.PersonAsync(agent, host.VillageA, "Female", "ម៉ៅ", "ចន្ធូ", "Mao", "Chanthou", wifeBorn);
        var body = MarriageBody(host.VillageA, DaysAgo(3), Spouse(husband), Spouse(wife));
        var m = body.Marriage();
        switch (problem)
        {
            case "same-kidc-twice": m["wife"] = Spouse(husband); break;
            case "future-date": m["marriageDate"] = DaysAgo(-5); break;
            case "one-witness": m["witnesses"] = new[] { new Dictionary<string, object?> { ["name"] = "ហេង សំណាង" } }; break;
            case "unknown-regime": m["propertyRegime"] = "Polygamous"; break;
            case "unknown-place": m["marriagePlaceCode"] = "99999999"; break;
            case "foreign-without-passport":
                m["husband"] = new Dictionary<string, object?>
                {
                    ["surnameLatin"] = "Nguyen", ["givenNameLatin"] = "Van Minh", ["birthDate"] = "1988-06-01", ["nationality"] = "VN",
                };
                break;
            case "wrong-names": ((Dictionary<string, object?>)m["husband"]!)["givenNameKm"] = "សុវណ្ណ"; break;
        }

        var problemBody = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync(Marriages, body), HttpStatusCode.BadRequest);
        Assert.True(problemBody.GetProperty("errors").TryGetProperty(field, out var messages), problemBody.ToString());
        Assert.Contains(words, messages.ToString(), StringComparison.Ordinal);
        Assert.False(await InCivilAsync(db => db.Registrations.AnyAsync(r => r.Id == (Guid)body["id"]!)));
    }

    [Fact]
    public async Task A_spouse_of_17_marries_an_adult_with_the_consent_of_the_parental_power_holder_and_two_minors_are_refused()
    {
        var agent = await host.ClientForAsync("agent.a");
        var husband = await host.PersonAsync(agent, host.VillageA, "Male", "ទេព", "វាសនា", "Tep", "Veasna", "1998-01-20");
        var wife = await host.PersonAsync(agent, host.VillageA, "Female", "ឈឹម", "ស្រីពៅ", "Chhim", "Sreypov", DaysAgo(365 * 17 + 40));
        var body = MarriageBody(host.VillageA, DaysAgo(1), Spouse(husband), Spouse(wife));
        var wifeDetails = (Dictionary<string, object?>)body.Marriage()["wife"]!;
        wifeDetails["consent"] = new Dictionary<string, object?> { ["name"] = "ឈឹម សុផល", ["relationship"] = "father", ["givenOn"] = DaysAgo(10) };
        var entered = await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync(Marriages, body));
        Assert.Equal("father", entered.Marriage!.Wife!.Consent!.Relationship);

        var minor = await host.PersonAsync(agent, host.VillageA, "Male", "ទេព", "សុខា", "Tep", "Sokha", DaysAgo(365 * 17 + 60));
        var girl = await host.PersonAsync(agent, host.VillageA, "Female", "ឈឹម", "ស្រីនាង", "Chhim", "Sreyneang", DaysAgo(365 * 17 + 80));
        var minors = MarriageBody(host.VillageA, DaysAgo(1), Spouse(minor), Spouse(girl));
        foreach (var (side, who) in new[] { ("husband", minors.Marriage()["husband"]), ("wife", minors.Marriage()["wife"]) })
        {
            ((Dictionary<string, object?>)who!)["consent"] = new Dictionary<string, object?> { ["name"] = "ឈឹម សុផល", ["relationship"] = "mother", ["givenOn"] = DaysAgo(10) };
        }

        var refused = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync(Marriages, minors), HttpStatusCode.BadRequest);
        Assert.Contains("both are minors", refused.GetProperty("errors").GetProperty("marriage.wife.birthDate").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spouse_recorded_dead_before_the_date_is_refused_on_the_KIDC()
    {
        var agent = await host.ClientForAsync("agent.a");
        var registrar = await host.ClientForAsync("registrar.a");
        var husband = await host.PersonAsync(agent, host.VillageA, "Male", "ស៊ុន", "ធារ៉ា", "Sun", "Theara", "1985-03-03");
        var wife = await host.PersonAsync(agent, host.VillageA, "Female", "ពេជ្រ", "ម្លិះ", "Pich", "Mlis", "1987-12-12");
        var died = await registrar.PatchAsJsonAsync($"/api/population/persons/{husband.Kidc}",
            new { lifeStatus = "Deceased", deathDate = DaysAgo(40), reason = "Death recorded before this test", source = "Crvs" });
        Assert.True(died.IsSuccessStatusCode, await died.Content.ReadAsStringAsync());

        var body = MarriageBody(host.VillageA, DaysAgo(3), Spouse(husband), Spouse(wife));
        var refused = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync(Marriages, body), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("marriage.husband.kidc", out _), refused.ToString());
        Assert.False(await InCivilAsync(db => db.Registrations.AnyAsync(r => r.Id == (Guid)body["id"]!)));
    }

    [Fact]
    public async Task A_married_person_cannot_marry_again_and_the_refusal_names_the_marriage_in_force()
    {
        var (husband, wife) = await CoupleAsync("បូរ៉ា", "Bora", "ស្រីរ័ត្ន", "Sreyrath");
        var approved = await host.RegisterAsync(Marriages, MarriageBody(host.VillageA, DaysAgo(20), Spouse(husband), Spouse(wife)));
        Assert.Equal(RegistrationStatus.Approved, approved.Status);

        var agent = await host.ClientForAsync("agent.a");
        var other = await host.PersonAsync(agent, host.VillageA, "Female", "យិន", "ចរិយា", "Yin", "Chariya", "1997-04-04");
        var body = MarriageBody(host.VillageA, DaysAgo(1), Spouse(husband), Spouse(other));
        var refused = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync(Marriages, body), HttpStatusCode.BadRequest);
        var message = refused.GetProperty("errors").GetProperty("marriage.husband.kidc").ToString();
        Assert.Contains("art. 949", message, StringComparison.Ordinal);
        Assert.Contains(approved.Number!, message, StringComparison.Ordinal);
        Assert.False(await InCivilAsync(db => db.Registrations.AnyAsync(r => r.Id == (Guid)body["id"]!)));
    }

    [Fact]
    public async Task A_second_open_marriage_application_of_the_same_person_is_refused()
    {
        var (husband, wife) = await CoupleAsync("រិទ្ធី", "Rithy", "ស្រីល័ក្ខ", "Sreyleak");
        var agent = await host.ClientForAsync("agent.a");
        await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync(Marriages, MarriageBody(host.VillageA, DaysAgo(2), Spouse(husband), Spouse(wife))));
        var other = await host.PersonAsync(agent, host.VillageA, "Male", "អ៊ុំ", "សុវត្ថិ", "Um", "Sovath", "1992-08-08");
        var refused = await CivilIntents.ProblemAsync(
            await agent.PostAsJsonAsync(Marriages, MarriageBody(host.VillageA, DaysAgo(1), Spouse(other), Spouse(wife))), HttpStatusCode.BadRequest);
        Assert.Contains("already open", refused.GetProperty("errors").GetProperty("marriage.wife.kidc").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brother_and_sister_and_an_uncle_and_his_niece_are_refused_in_the_prohibited_degrees_of_article_950()
    {
        var agent = await host.ClientForAsync("agent.a");
        var grandmother = await host.PersonAsync(agent, host.VillageA, "Female", "នួន", "សារុន", "Nuon", "Sarun", "1950-01-01");
        var mother = await host.PersonAsync(agent, host.VillageA, "Female", "ហ៊ុន", "ស្រីមាស", "Hun", "Sreymeas", "1972-05-05", mother: grandmother);
        var uncle = await host.PersonAsync(agent, host.VillageA, "Male", "ហ៊ុន", "សុភ័ក្រ", "Hun", "Sopheak", "1975-07-07", mother: grandmother);
        var son = await host.PersonAsync(agent, host.VillageA, "Male", "ឡុង", "ពិសាល", "Long", "Pisal", "1995-02-02", mother: mother);
        var daughter = await host.PersonAsync(agent, host.VillageA, "Female", "ឡុង", "ស្រីពេជ្រ", "Long", "Sreypich", "1997-03-03", mother: mother);

        foreach (var (husband, wife, degree) in new[] { (son, daughter, "degree 2"), (uncle, daughter, "degree 3") })
        {
            var body = MarriageBody(host.VillageA, DaysAgo(1), Spouse(husband), Spouse(wife));
            var refused = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync(Marriages, body), HttpStatusCode.BadRequest);
            var message = refused.GetProperty("errors").GetProperty("marriage.wife.kidc").ToString();
            Assert.Contains("art. 950", message, StringComparison.Ordinal);
            Assert.Contains(degree, message, StringComparison.Ordinal);
            Assert.False(await InCivilAsync(db => db.Registrations.AnyAsync(r => r.Id == (Guid)body["id"]!)));
        }
    }

    [Fact]
    public async Task A_foreign_spouse_is_registered_by_passport_and_the_registry_links_the_Cambodian_spouse_to_the_name()
    {
        var agent = await host.ClientForAsync("agent.a");
        var wife = await host.PersonAsync(agent, host.VillageA, "Female", "សៅ", "ស្រីអូន", "Sao", "Sreyoun", "1995-10-10");
        var foreigner = new Dictionary<string, object?>
        {
            ["surnameLatin"] = "Nguyen", ["givenNameLatin"] = "Van Minh", ["birthDate"] = "1991-06-01", ["nationality"] = "VN",
            ["passportNumber"] = "C1234567", ["passportCountry"] = "VN",
        };
        var approved = await host.RegisterAsync(Marriages, MarriageBody(host.VillageA, DaysAgo(4), foreigner, Spouse(wife)));
        Assert.Equal(wife.Kidc, approved.SubjectKidc);
        Assert.Equal("Nguyen Van Minh & សៅ ស្រីអូន", approved.SubjectNameKm);
        var w = await PersonAsync(wife.Kidc);
        Assert.Equal(MaritalStatus.Married, w.MaritalStatus);
        var link = Assert.Single(w.Spouses);
        Assert.Null(link.SpouseKidc);
        Assert.Contains("Nguyen Van Minh", link.SpouseName, StringComparison.Ordinal);

        // The command line prints it, and its verifier finds it genuine and current.
        var work = Path.Combine(host.DataDirectory, "cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var pdfPath = Path.Combine(work, "marriage.pdf");
        var keysPath = Path.Combine(work, "keys.json");
        await File.WriteAllTextAsync(keysPath, await host.CreateClient().GetStringAsync("/api/keys"));
        var rendered = await NokorCli.RunAsync(host, "certificate", "render", "--registration", approved.Number!, "--out", pdfPath);
        Assert.True(rendered.ExitCode == 0, rendered.Output);
        var verified = await NokorCli.RunAsync(host, "certificate", "verify", pdfPath, "--keys", keysPath);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains($"marriage registration {approved.Number}", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_marriage_is_corrected_through_its_validator_but_its_spouses_stay_as_registered()
    {
        var (husband, wife) = await CoupleAsync("ប៊ុនថន", "Bunthan", "ស្រីពេជ្រ", "Sreypich");
        var body = MarriageBody(host.VillageA, DaysAgo(8), Spouse(husband), Spouse(wife));
        var approved = await host.RegisterAsync(Marriages, body);
        var registrar = await host.ClientForAsync("registrar.a");
        var senior = await host.ClientForAsync("senior.a");
        using var form = new MultipartFormDataContent();
        var scan = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3]);
        scan.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(scan, "file", "witness-statement.png");
        var annex = await CivilIntents.ReadAsync<AnnexView>(await registrar.PostAsync($"/api/civil/registrations/{approved.Id}/annexes", form));

        // Another wife is not a correction: refused on her KIDC.
        var other = await host.PersonAsync(await host.ClientForAsync("agent.a"), host.VillageA, "Female", "ម៉ម", "សុខលី", "Mom", "Sokly", "1996-06-06");
        var swapped = MarriageBody(host.VillageA, DaysAgo(8), Spouse(husband), Spouse(other)).Marriage();
        var refused = await CivilIntents.ProblemAsync(await registrar.PostAsJsonAsync($"/api/civil/registrations/{approved.Id}/corrections",
            new { marriage = swapped, reason = "Wrong wife", evidenceAnnexId = annex.Id }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("marriage.wife.kidc", out _), refused.ToString());

        // A witness's name misspelt and the regime declared by contract: corrected in a new version.
        var corrected = body.Marriage();
        corrected["witnesses"] = new[]
        {
            new Dictionary<string, object?> { ["name"] = "ហេង សំណាង" },
            new Dictionary<string, object?> { ["name"] = "លី ស្រីមុំ" },
        };
        corrected["propertyRegime"] = "Contract";
        var requested = await CivilIntents.ReadAsync<CorrectionView>(await registrar.PostAsJsonAsync($"/api/civil/registrations/{approved.Id}/corrections",
            new { marriage = corrected, reason = "The marriage contract was shown after the act", evidenceAnnexId = annex.Id }));
        await CivilIntents.ReadAsync<CorrectionView>(await senior.PostAsJsonAsync($"/api/civil/registrations/{approved.Id}/corrections/{requested.Id}/decision",
            new { approve = true, note = "Contract seen" }));
        var now = await registrar.GetFromJsonAsync<RegistrationView>($"/api/civil/registrations/{approved.Id}", NokorHost.Json);
        Assert.Equal(2, now!.Version);
        Assert.Equal("Contract", now.Marriage!.PropertyRegime);
        Assert.Equal(approved.SubjectNameKm, now.SubjectNameKm);
        Assert.Equal(MaritalStatus.Married, (await PersonAsync(wife.Kidc)).MaritalStatus);
    }
}
