using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Certificates;
using Nokor.CivilRegistration.Certificates.Rendering;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
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

        // The typed number alone tells only that it is genuine and current; the check code printed
        // beside the QR code shows the printed fields.
        var byNumber = await PublicCheckAsync(anonymous, serial);
        Assert.Equal(["genuine", "reason", "serial", "state"], byNumber.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(byNumber.GetProperty("genuine").GetBoolean());
        Assert.Equal("Current", byNumber.GetProperty("state").GetString());
        Assert.Equal(serial, byNumber.GetProperty("serial").GetString());
        var withDate = await PublicCheckAsync(anonymous, $"{serial}?eventDate={DaysAgo(3)}");
        Assert.False(withDate.TryGetProperty("nameKm", out _));
        var code = CheckCodeOf(pdf);
        var withCode = await anonymous.GetFromJsonAsync<CertificateCheck>($"/api/public/certificates/{serial}?code={code.ToLowerInvariant()}", NokorHost.Json);
        Assert.Equal("ចាន់ សុវណ្ណ", withCode!.NameKm);
        Assert.Equal(approved.SubjectKidc, withCode.Kidc);
        Assert.Equal(DaysAgo(3), withCode.EventDate);
        Assert.NotNull(withCode.IssuedAt);

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

    [Fact]
    public async Task Without_proof_a_check_shows_no_issue_time_name_or_kidc_and_a_wrong_code_answers_as_an_unknown_number()
    {
        var approved = await ApprovedBirthAsync("ធីតា", "Thida");
        var (pdf, serial, _) = await PrintAsync(await host.ClientForAsync("registrar.a"), approved.Id);
        var anonymous = host.CreateClient();
        var code = CheckCodeOf(pdf);

        foreach (var query in new[] { serial, approved.Number!, $"{serial}?eventDate={DaysAgo(3)}" })
        {
            var json = await PublicCheckAsync(anonymous, query);
            Assert.Equal(["genuine", "reason", "serial", "state"], json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(approved.SubjectKidc!, json.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("Thida", json.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        // The registration number with the code finds the certificate the code belongs to.
        var byNumberAndCode = await PublicCheckAsync(anonymous, $"{approved.Number}?code={code}");
        Assert.Equal(approved.SubjectKidc, byNumberAndCode.GetProperty("kidc").GetString());
        Assert.Equal(serial, byNumberAndCode.GetProperty("serial").GetString());

        // A wrong code for this certificate and any code for a number never issued: the same answer.
        var wrong = await PublicCheckAsync(anonymous, $"{serial}?code={OtherCode(code)}");
        var unknown = await PublicCheckAsync(anonymous, $"{approved.Number![..^6]}999999/1?code={code}");
        Assert.Equal(unknown.GetRawText(), wrong.GetRawText());
        Assert.False(wrong.GetProperty("genuine").GetBoolean());
        Assert.Equal(["genuine", "reason"], wrong.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Five_wrong_codes_lock_that_certificate_with_429_and_Retry_After_while_another_still_answers()
    {
        var registrar = await host.ClientForAsync("registrar.a");
        var target = await ApprovedBirthAsync("ចន្ទា", "Chantha");
        var other = await ApprovedBirthAsync("បុប្ផា", "Bopha");
        var (targetPdf, targetSerial, targetToken) = await PrintAsync(registrar, target.Id);
        var (otherPdf, otherSerial, _) = await PrintAsync(registrar, other.Id);
        var anonymous = host.CreateClient();
        var wrong = OtherCode(CheckCodeOf(targetPdf));

        for (var i = 0; i < 5; i++)
        {
            var answer = await PublicCheckAsync(anonymous, $"{targetSerial}?code={wrong}");
            Assert.False(answer.GetProperty("genuine").GetBoolean());
        }

        // Locked: even the right code, and the registration number, answer 429.
        foreach (var query in new[] { $"{targetSerial}?code={CheckCodeOf(targetPdf)}", $"{target.Number}?code={CheckCodeOf(targetPdf)}" })
        {
            var locked = await anonymous.GetAsync($"/api/public/certificates/{query}");
            var problem = await CivilIntents.ProblemAsync(locked, HttpStatusCode.TooManyRequests);
            Assert.Equal("https://nokor.gov.kh/problems/too-many-attempts", problem.GetProperty("type").GetString());
            Assert.Equal("code", problem.GetProperty("field").GetString());
            var retryAfter = int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 3000, 3600);
            Assert.DoesNotContain("Chantha", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        // Another certificate still answers its right code; the locked one still answers its QR
        // code (a signed token cannot be guessed) and the question without a code.
        var otherCheck = await PublicCheckAsync(anonymous, $"{otherSerial}?code={CheckCodeOf(otherPdf)}");
        Assert.Equal(other.SubjectKidc, otherCheck.GetProperty("kidc").GetString());
        var byQr = await anonymous.GetFromJsonAsync<CertificateCheck>($"/api/public/certificates/verify?token={Uri.EscapeDataString(targetToken)}", NokorHost.Json);
        Assert.Equal(target.SubjectKidc, byQr!.Kidc);
        Assert.True((await PublicCheckAsync(anonymous, targetSerial)).GetProperty("genuine").GetBoolean());
    }

    [Fact]
    public async Task The_command_line_verifier_compares_the_visible_text_reads_a_photo_and_answers_hostile_files_with_their_exit_codes()
    {
        var approved = await ApprovedBirthAsync("រតនា", "Rathana");
        var (pdf, serial, _) = await PrintAsync(await host.ClientForAsync("registrar.a"), approved.Id);
        var work = Path.Combine(host.DataDirectory, "cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var keysPath = Path.Combine(work, "keys.json");
        await File.WriteAllTextAsync(keysPath, await host.CreateClient().GetStringAsync("/api/keys"));
        async Task<(int ExitCode, string Output)> VerifyAsync(string name, byte[] bytes)
        {
            var path = Path.Combine(work, name);
            await File.WriteAllBytesAsync(path, bytes);
            return await NokorCliAsync("certificate", "verify", path, "--keys", keysPath);
        }

        var genuine = await VerifyAsync("certificate.pdf", pdf);
        Assert.True(genuine.ExitCode == 0, genuine.Output);
        Assert.Contains("Text: the visible text matches the signed data.", genuine.Output);
        Assert.Contains("Register: CURRENT.", genuine.Output);

        // The page re-made with another KIDC and the genuine token kept in the metadata.
        CertificateContent content;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            var r = await db.Registrations.AsNoTracking().SingleAsync(x => x.Id == approved.Id);
            var c = await db.Certificates.AsNoTracking().SingleAsync(x => x.Serial == serial);
            content = await scope.ServiceProvider.GetRequiredService<CertificateComposer>().ContentAsync(r, c, superseded: false, CancellationToken.None);
        }

        var otherKidc = approved.SubjectKidc![..^1] + (approved.SubjectKidc[^1] == '1' ? '2' : '1');
        var forged = await VerifyAsync("forged.pdf", CertificatePdf.Render(content with { Kidc = otherKidc }));
        Assert.Equal(10, forged.ExitCode);
        Assert.Contains("NOT GENUINE: the visible text does not match the signed data: KIDC.", forged.Output);
        var renamed = await VerifyAsync("renamed.pdf", CertificatePdf.Render(content with { GivenNameLatin = "Rotha" }));
        Assert.Equal(10, renamed.ExitCode);
        Assert.Contains("does not match the signed data: name (Latin).", renamed.Output);

        // A scan of the paper: the QR code decoded and verified, the fields listed for the person.
        var scan = await VerifyAsync("scan.png", CertificatePdf.RenderPng(content, dpi: 200));
        Assert.True(scan.ExitCode == 0, scan.Output);
        Assert.Contains("not checked by machine", scan.Output);
        Assert.Contains(approved.SubjectKidc, scan.Output);

        // Hostile or wrong files: one line each, their own exit codes, no stack trace.
        var blank = new Nokor.Platform.Pdf.PdfDocumentBuilder(new Nokor.Platform.Pdf.PdfDocumentInfo("blank"))
            .AddPage(p => p.DrawText("no code here", 60, 60, new Nokor.Platform.Pdf.TextStyle(12))).RenderPng(dpi: 60);
        foreach (var (name, bytes, exitCode, line) in new[]
        {
            ("blank.png", blank, 12, "NO CERTIFICATE CODE: no QR code was found in the image."),
            ("broken.pdf", "%PDF-1.7\nnot really"u8.ToArray(), 11, "UNREADABLE: the PDF cannot be read"),
            ("notes.txt", "just some notes"u8.ToArray(), 11, "UNREADABLE: the file is not a PDF, PNG or JPEG."),
        })
        {
            var result = await VerifyAsync(name, bytes);
            Assert.True(result.ExitCode == exitCode, result.Output);
            Assert.StartsWith(line, result.Output, StringComparison.Ordinal);
            Assert.Single(result.Output.Trim().Split('\n'));
        }
    }

    [Fact]
    public async Task The_public_page_asks_for_the_check_code_shows_the_name_only_with_it_and_says_when_a_certificate_is_locked()
    {
        var approved = await ApprovedBirthAsync("សុភា", "Sophea");
        var (pdf, serial, _) = await PrintAsync(await host.ClientForAsync("registrar.a"), approved.Id);
        var code = CheckCodeOf(pdf);
        var visitor = host.CreateClient();

        var form = WebUtility.HtmlDecode(await visitor.GetStringAsync("/verify"));
        Assert.Contains("<input id=\"c\" name=\"c\"", form);
        Assert.Contains("លេខកូដផ្ទៀងផ្ទាត់", form);
        Assert.DoesNotContain("name=\"d\"", form);

        var bare = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/verify?q={Uri.EscapeDataString(serial)}"));
        Assert.Contains("data-genuine=\"true\"", bare);
        Assert.Contains("id=\"give-code\"", bare);
        Assert.DoesNotContain("សុភា", bare);
        Assert.DoesNotContain(approved.SubjectKidc!, bare);

        var shown = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/verify?q={Uri.EscapeDataString(serial)}&c={code}"));
        Assert.Contains("id=\"check-name-km\">ចាន់ សុភា<", shown);
        Assert.Contains(approved.SubjectKidc!, shown);

        for (var i = 0; i < 5; i++)
        {
            var wrong = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/verify?q={Uri.EscapeDataString(serial)}&c={OtherCode(code)}"));
            Assert.Contains("data-genuine=\"false\"", wrong);
        }

        var locked = await visitor.GetAsync($"/verify?q={Uri.EscapeDataString(serial)}&c={code}");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.Contains("Retry-After"));
        var page = WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync());
        Assert.Contains("data-locked=\"true\"", page);
        Assert.Contains("ការព្យាយាមច្រើនពេក", page);
        Assert.DoesNotContain("សុភា", page);
    }

    /// <summary>The check code as the PDF prints it, read back from the page's text.</summary>
    private static string CheckCodeOf(byte[] pdf)
    {
        Assert.True(PdfReader.TryRead(pdf, out var contents, out var error), error);
        var match = System.Text.RegularExpressions.Regex.Match(contents!.PageTexts[0], "Check code\\s*([0-9A-Z]{5}-[0-9A-Z]{5})");
        Assert.True(match.Success, "The certificate shows no check code.");
        return match.Groups[1].Value;
    }

    private static string OtherCode(string code) => (code[0] == '7' ? '8' : '7') + code[1..];

    private static async Task<JsonElement> PublicCheckAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/public/certificates/{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    private Task<(int ExitCode, string Output)> NokorCliAsync(params string[] args) => NokorCli.RunAsync(host, args);
}
