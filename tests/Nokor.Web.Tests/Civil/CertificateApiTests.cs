using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Pdf;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Civil;

public sealed class CertificateApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    private async Task<RegistrationView> ApprovedBirthAsync(string givenKm, string givenLatin)
    {
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(3), givenNameKm: givenKm, givenNameLatin: givenLatin));
        await second.StepAsync(entered.Id, "verify");
        return await registrar.StepAsync(entered.Id, "approve");
    }

    private static async Task<(byte[] Pdf, string Serial, string Token)> PrintAsync(HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"/api/civil/registrations/{id}/certificates", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.True(PdfReader.TryReadKeywords(pdf, out var token));
        return (pdf, response.Headers.GetValues("X-Certificate-Serial").Single(), token);
    }

    [Fact]
    public async Task A_printed_certificate_verifies_publicly_and_a_reprint_is_a_certified_copy_with_its_fee()
    {
        var approved = await ApprovedBirthAsync("សុវណ្ណ", "Sovann");
        var registrar = await host.ClientForAsync("registrar.a");
        var (pdf, serial, token) = await PrintAsync(registrar, approved.Id);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Equal($"{approved.Number}/1", serial);
        Assert.StartsWith("NKC1.", token);

        var anonymous = host.CreateClient();
        var check = await anonymous.GetFromJsonAsync<CertificateCheck>($"/api/public/certificates/verify?token={Uri.EscapeDataString(token)}", NokorHost.Json);
        Assert.True(check!.Genuine);
        Assert.Equal(CertificateState.Current, check.State);
        Assert.Equal("ចាន់ សុវណ្ណ", check.NameKm);
        Assert.Equal(approved.SubjectKidc, check.Kidc);

        // One changed character in the payload breaks the signature.
        var parts = token.Split('.');
        var tampered = string.Join('.', parts[0], parts[1][..^2] + (parts[1][^2] == 'A' ? 'B' : 'A') + parts[1][^1], parts[2], parts[3]);
        var forged = await anonymous.GetFromJsonAsync<CertificateCheck>($"/api/public/certificates/verify?token={Uri.EscapeDataString(tampered)}", NokorHost.Json);
        Assert.False(forged!.Genuine);
        Assert.Null(forged.NameKm);

        // The typed number alone tells that it exists; the printed date shows the printed fields.
        var byNumber = await anonymous.GetFromJsonAsync<CertificateCheck>($"/api/public/certificates/{serial}", NokorHost.Json);
        Assert.True(byNumber!.Genuine);
        Assert.Null(byNumber.NameKm);
        var withDate = await anonymous.GetFromJsonAsync<CertificateCheck>($"/api/public/certificates/{serial}?eventDate={DaysAgo(3)}", NokorHost.Json);
        Assert.Equal("ចាន់ សុវណ្ណ", withDate!.NameKm);

        var (_, copySerial, _) = await PrintAsync(registrar, approved.Id);
        Assert.Equal($"{approved.Number}/2", copySerial);
        var view = await registrar.GetFromJsonAsync<RegistrationView>($"/api/civil/registrations/{approved.Id}", NokorHost.Json);
        Assert.Equal([CertificateIssue.Original, CertificateIssue.CertifiedCopy], view!.Certificates.Select(c => c.Issue));
        Assert.Equal(0, view.Certificates[0].FeeRiel);
        Assert.True(view.Certificates[1].FeeRiel > 0);
        var history = await registrar.GetFromJsonAsync<List<RegistrationHistoryEntry>>($"/api/civil/registrations/{approved.Id}/history", NokorHost.Json);
        Assert.Contains(history!, h => h.Action == "certificate.printed");
        Assert.Contains(history!, h => h.Action == "certificate.reprinted");
    }

    [Fact]
    public async Task A_certificate_cannot_be_printed_before_approval_and_a_rejection_decision_is_printed()
    {
        var agent = await host.ClientForAsync("agent.a");
        var registrar = await host.ClientForAsync("registrar.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(2), givenNameKm: "កញ្ញា", givenNameLatin: "Kanha"));
        await CivilIntents.ProblemAsync(await registrar.PostAsync($"/api/civil/registrations/{entered.Id}/certificates", null), HttpStatusCode.Conflict);
        await registrar.StepAsync(entered.Id, "reject", new { reasons = "មិនមានសំបុត្រអាពាហ៍ពិពាហ៍ / No marriage certificate was produced." });
        var decision = await registrar.GetAsync($"/api/civil/registrations/{entered.Id}/rejection.pdf");
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        var bytes = await decision.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
    }

    [Fact]
    public async Task After_a_correction_the_old_certificate_is_superseded_and_the_command_line_verifier_says_so()
    {
        var approved = await ApprovedBirthAsync("សុខា", "Sokha");
        var registrar = await host.ClientForAsync("registrar.a");
        var senior = await host.ClientForAsync("senior.a");
        var (pdf, _, token) = await PrintAsync(registrar, approved.Id);
        var work = Path.Combine(host.DataDirectory, "cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var pdfPath = Path.Combine(work, "certificate.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var keysPath = Path.Combine(work, "keys.json");
        await File.WriteAllTextAsync(keysPath, await host.CreateClient().GetStringAsync("/api/keys"));

        Assert.Equal(0, (await NokorCliAsync("certificate", "verify", pdfPath, "--keys", keysPath)).ExitCode);

        // A forged PDF (the payload changed) fails.
        var forgedPath = Path.Combine(work, "forged.pdf");
        var parts = token.Split('.');
        var other = string.Join('.', parts[0], parts[1][..^2] + (parts[1][^2] == 'A' ? 'B' : 'A') + parts[1][^1], parts[2], parts[3]);
        await File.WriteAllBytesAsync(forgedPath, System.Text.Encoding.Latin1.GetBytes(System.Text.Encoding.Latin1.GetString(pdf).Replace(token, other)));
        var forged = await NokorCliAsync("certificate", "verify", forgedPath, "--keys", keysPath);
        Assert.Equal(1, forged.ExitCode);
        Assert.Contains("NOT GENUINE", forged.Output);

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 court decision"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "decision.pdf");
        var annex = await CivilIntents.ReadAsync<AnnexView>(await registrar.PostAsync($"/api/civil/registrations/{approved.Id}/annexes", form));
        var corrected = approved.Birth! with { Child = approved.Birth!.Child! with { Sex = "Male" } };
        var correction = await CivilIntents.ReadAsync<CorrectionView>(await registrar.PostAsJsonAsync($"/api/civil/registrations/{approved.Id}/corrections",
            new { birth = corrected, reason = "Court decision on the sex recorded at birth", evidenceAnnexId = annex.Id }));
        await CivilIntents.ReadAsync<CorrectionView>(await senior.PostAsJsonAsync($"/api/civil/registrations/{approved.Id}/corrections/{correction.Id}/decision", new { approve = true }));

        var check = await host.CreateClient().GetFromJsonAsync<CertificateCheck>($"/api/public/certificates/verify?token={Uri.EscapeDataString(token)}", NokorHost.Json);
        Assert.True(check!.Genuine);
        Assert.Equal(CertificateState.Superseded, check.State);
        var superseded = await NokorCliAsync("certificate", "verify", pdfPath, "--keys", keysPath);
        Assert.Equal(1, superseded.ExitCode);
        Assert.Contains("SUPERSEDED", superseded.Output);
        Assert.Equal(0, (await NokorCliAsync("certificate", "verify", pdfPath, "--keys", keysPath, "--offline")).ExitCode);
    }

    private Task<(int ExitCode, string Output)> NokorCliAsync(params string[] args) => NokorCli.RunAsync(host, args);
}
