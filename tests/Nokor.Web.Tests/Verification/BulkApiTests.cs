using Nokor.Verification.Contracts;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Files;
using Nokor.Population.Contracts;
using Nokor.Verification.Bulk;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Verification;

public sealed class BulkApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string Path = "/api/verification/v1/bulk";

    private sealed record Institution(Guid Id, HttpClient Client);

    /// <summary>An institution registered by the data distribution unit, with a credential, signed in with a token.</summary>
    private async Task<Institution> InstitutionAsync(long quota = 1000, string[]? queryTypes = null, string[]? purposes = null)
    {
        var staff = await host.ClientForAsync("distribution.n");
        var created = await staff.PostAsJsonAsync("/api/verification/institutions", new
        {
            code = "B" + Guid.NewGuid().ToString("N")[..10],
            name = "Bulk Test Bank",
            kind = "Bank",
            contract = new
            {
                reference = "DD-BULK-" + Guid.NewGuid().ToString("N")[..6],
                purposes = purposes ?? ["account-review"],
                queryTypes = queryTypes ?? ["verify", "bulk"],
                attributes = Array.Empty<string>(),
                monthlyQuota = quota,
                priceVerify = 500,
                priceAttributes = 0,
                priceBulkRow = 200,
                startsOn = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"),
                endsOn = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"),
            },
        });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.IsSuccessStatusCode, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        var issued = await staff.PostAsync($"/api/verification/institutions/{id}/credentials", null);
        var credential = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        var client = host.CreateClient();
        var token = await client.PostAsync("/api/verification/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credential.GetProperty("clientId").GetString()!,
            ["client_secret"] = credential.GetProperty("clientSecret").GetString()!,
        }));
        var tokenText = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, tokenText);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(tokenText).RootElement.GetProperty("access_token").GetString());
        return new Institution(id, client);
    }

    /// <summary>A person in the registry, once the verification store has it.</summary>
    private async Task<PersonRecord> PersonAsync()
    {
        var registrar = await host.ClientForAsync("registrar.a");
        var person = await host.RegisterPersonAsync(registrar, host.PersonBody(host.VillageA, "សុខ", "ដារ៉ា", "Sok", "Dara", "1990-04-17"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
                if (await db.Persons.AsNoTracking().AnyAsync(p => p.Kidc == person.Kidc))
                {
                    return person;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The person did not reach the verification store in 10 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>A well-formed KIDC nobody holds.</summary>
    private static string UnknownKidc()
    {
        while (true)
        {
            var body = "29" + Random.Shared.Next(0, 10_000_000).ToString("D7");
            if (Nokor.Population.Contracts.KidcRule.Complete(body) is { } code)
            {
                return code;
            }
        }
    }

    private static Task<HttpResponseMessage> SubmitAsync(Institution institution, string csv, string purpose = "account-review") =>
        institution.Client.PostAsync($"{Path}?purpose={purpose}&userId=officer-7", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> CompletedAsync(Institution institution, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var job = await JsonAsync(await institution.Client.GetAsync($"{Path}/{id}"), HttpStatusCode.OK);
            var status = job.GetProperty("status").GetString();
            Assert.NotEqual("Failed", status);
            if (status == "Completed")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The job did not complete in 20 s: {job}");
            await Task.Delay(100);
        }
    }

    private async Task<int> JobCountAsync(Guid institution)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        return await db.BulkJobs.CountAsync(j => j.InstitutionId == institution);
    }

    [Fact]
    public async Task A_bulk_file_is_verified_row_by_row_with_a_result_file_and_one_ledger_record_and_count_per_valid_row()
    {
        var person = await PersonAsync();
        var bank = await InstitutionAsync();
        var unknown = UnknownKidc();
        var csv =
            "kidc,surnameLatin,givenNameLatin,dateOfBirth,sex\r\n" +
            $"{person.Kidc},Sok,Dara,1990-04-17,M\r\n" +
            $"{person.Kidc},Sok,Dara,1991-01-01,M\r\n" +
            $"{unknown},Sok,Dara,1990-04-17,M\r\n" +
            "12345,Sok,Dara,1990-04-17,M\r\n" +
            $"{person.Kidc},Sok,Dara,\"17/04/1990\",X\r\n";

        var response = await SubmitAsync(bank, csv);
        var submitted = await JsonAsync(response, HttpStatusCode.Accepted);
        var id = submitted.GetProperty("id").GetGuid();
        Assert.Equal($"{Path}/{id:D}", response.Headers.Location?.OriginalString);
        Assert.Equal(5, submitted.GetProperty("totalRows").GetInt32());
        Assert.True(response.Headers.Contains("X-Road-Request-Hash"));

        var job = await CompletedAsync(bank, id);
        Assert.Equal(5, job.GetProperty("processedRows").GetInt32());
        Assert.Equal(1, job.GetProperty("matchedRows").GetInt32());
        Assert.Equal(100, job.GetProperty("progressPercent").GetInt32());
        Assert.Equal($"{Path}/{id:D}/result", job.GetProperty("resultUrl").GetString());

        var result = await bank.Client.GetAsync($"{Path}/{id}/result");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("text/csv", result.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await result.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var records = BulkCsv.ReadRecords(text, 100, out var error);
        Assert.Null(error);
        Assert.Equal(
            ["kidc", "surnameLatin", "givenNameLatin", "dateOfBirth", "sex", "result", "alive",
             "surnameLatinResult", "givenNameLatinResult", "dateOfBirthResult", "sexResult", "reason"],
            records![0].Fields);
        var rows = records.Skip(1).Select(r => r.Fields).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal([person.Kidc, "Sok", "Dara", "1990-04-17", "M", "match", "true", "match", "match", "match", "match", ""], rows[0]);
        Assert.Equal([person.Kidc, "Sok", "Dara", "1991-01-01", "M", "partial", "", "match", "match", "no", "match", ""], rows[1]);
        Assert.Equal([unknown, "Sok", "Dara", "1990-04-17", "M", "no_match", "", "no", "no", "no", "no", ""], rows[2]);
        Assert.Equal("invalid", rows[3][5]);
        Assert.Contains("kidc:", rows[3][11]);
        Assert.Equal("invalid", rows[4][5]);
        Assert.Contains("dateOfBirth:", rows[4][11]);
        Assert.Contains("sex:", rows[4][11]);
        Assert.All(rows.Skip(3), r => Assert.Equal("", r[6]));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        var ledger = await db.QueryRecords.AsNoTracking().Where(q => q.InstitutionId == bank.Id).OrderBy(q => q.Sequence).ToListAsync();
        Assert.Equal(3, ledger.Count);
        Assert.All(ledger, q =>
        {
            Assert.Equal(id, q.BulkJobId);
            Assert.Equal("bulk", q.QueryType);
            Assert.Equal("account-review", q.Purpose);
            Assert.Equal("officer-7", q.UserId);
            Assert.Equal(200, q.Price);
        });
        Assert.Equal(["match", "partial", "unknown"], ledger.Select(q => q.Result));
        Assert.Equal([person.Kidc, person.Kidc, unknown], ledger.Select(q => q.Kidc));
        Assert.Equal("surnameLatin=match,givenNameLatin=match,sex=match,dateOfBirth=no", ledger[1].Detail);
        var usage = await db.Usage.AsNoTracking().Where(u => u.InstitutionId == bank.Id).ToListAsync();
        var bulk = Assert.Single(usage);
        Assert.Equal("bulk", bulk.QueryType);
        Assert.Equal(3, bulk.Count);
        Assert.Equal(600, bulk.Amount);
        Assert.True((await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(null, default)).Intact);

        // The person's own view lists the bulk queries like any other.
        var staff = await host.ClientForAsync("distribution.n");
        var access = await staff.GetStringAsync($"/api/verification/persons/{person.Kidc}/queries");
        Assert.Contains("account-review", access);
    }

    [Fact]
    public async Task Input_that_starts_like_a_formula_comes_back_neutralised_in_the_result_file()
    {
        var person = await PersonAsync();
        var bank = await InstitutionAsync();
        var csv =
            "kidc,surnameLatin,givenNameLatin,surnameKm,givenNameKm\r\n" +
            $"{person.Kidc},@SUM(1),+1,-1+2,\"\t=cmd\"\r\n" +
            "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Sok,\uFF1D1,\uFF20A1,Dara\r\n";

        var id = (await JsonAsync(await SubmitAsync(bank, csv), HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
        await CompletedAsync(bank, id);

        var text = Encoding.UTF8.GetString(await bank.Client.GetByteArrayAsync($"{Path}/{id}/result")).TrimStart('\uFEFF');
        var rows = BulkCsv.ReadRecords(text, 10, out var error)!.Skip(1).Select(r => r.Fields).ToList();
        Assert.Null(error);
        Assert.Equal(2, rows.Count);
        // Each echoed cell that a spreadsheet would run as a formula starts with an apostrophe.
        Assert.Equal([person.Kidc, "'@SUM(1)", "'+1", "'-1+2", "'\t=cmd"], rows[0].Take(5));
        Assert.Equal(["'=HYPERLINK(\"http://x\",\"y\")", "Sok", "'\uFF1D1", "'\uFF20A1", "Dara"], rows[1].Take(5));
        Assert.Equal("invalid", rows[1][5]);
        Assert.All(rows.SelectMany(r => r), f => Assert.False(Nokor.Platform.Spreadsheets.FormulaGuard.LooksLikeFormula(f), f));
    }

    [Fact]
    public async Task A_file_level_problem_is_a_400_naming_it_and_nothing_is_stored()
    {
        var bank = await InstitutionAsync();
        var csv = $"kidc,surnameLatin,mothersName\r\n{UnknownKidc()},Sok,Chan\r\n";

        var problem = await JsonAsync(await SubmitAsync(bank, csv), HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.Contains("mothersName", message);
        Assert.Contains("Line 1", message);

        var blobs = host.Services.GetRequiredService<IBlobStore>();
        Assert.Null(await blobs.GetAsync(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv))), default));
        Assert.Equal(0, await JobCountAsync(bank.Id));

        foreach (var bad in new[] { "", "kidc,sex\r\n", "kidc,sex\r\n1,\"M\r\n", "\u0000\u0001binary" })
        {
            await JsonAsync(await SubmitAsync(bank, bad), HttpStatusCode.BadRequest);
        }

        var noPurpose = await bank.Client.PostAsync(Path, new StringContent($"kidc,sex\r\n{UnknownKidc()},M\r\n", Encoding.UTF8, "text/csv"));
        Assert.True((await JsonAsync(noPurpose, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("purpose", out _));

        var json = await bank.Client.PostAsync($"{Path}?purpose=account-review", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(0, await JobCountAsync(bank.Id));
    }

    [Fact]
    public async Task Another_institution_cannot_see_a_job_or_its_result()
    {
        var bank = await InstitutionAsync();
        var other = await InstitutionAsync();
        var submitted = await JsonAsync(await SubmitAsync(bank, $"kidc,sex\r\n{UnknownKidc()},F\r\n"), HttpStatusCode.Accepted);
        var id = submitted.GetProperty("id").GetGuid();

        await JsonAsync(await other.Client.GetAsync($"{Path}/{id}"), HttpStatusCode.NotFound);
        await JsonAsync(await other.Client.GetAsync($"{Path}/{id}/result"), HttpStatusCode.NotFound);
        await JsonAsync(await bank.Client.GetAsync($"{Path}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);

        await CompletedAsync(bank, id);
        await JsonAsync(await other.Client.GetAsync($"{Path}/{id}/result"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await bank.Client.GetAsync($"{Path}/{id}/result")).StatusCode);

        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Path}/{id}")).StatusCode);
    }

    [Fact]
    public async Task Valid_rows_beyond_the_quota_are_refused_with_429_and_a_contract_without_bulk_or_the_purpose_with_403()
    {
        var bank = await InstitutionAsync(quota: 2);
        var three = $"kidc,sex\r\n{UnknownKidc()},F\r\n{UnknownKidc()},F\r\n{UnknownKidc()},M\r\n";

        var over = await SubmitAsync(bank, three);
        var problem = await JsonAsync(over, (HttpStatusCode)429);
        Assert.EndsWith("verification/over-quota", problem.GetProperty("type").GetString());
        Assert.True(over.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(0, await JobCountAsync(bank.Id));

        // Invalid rows are not counted: two valid rows and one malformed fit in a quota of two.
        var fits = $"kidc,sex\r\n{UnknownKidc()},F\r\n{UnknownKidc()},F\r\n1,M\r\n";
        var id = (await JsonAsync(await SubmitAsync(bank, fits), HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
        await CompletedAsync(bank, id);
        await JsonAsync(await SubmitAsync(bank, $"kidc,sex\r\n{UnknownKidc()},F\r\n"), (HttpStatusCode)429);

        var verifyOnly = await InstitutionAsync(queryTypes: ["verify"]);
        var refused = await JsonAsync(await SubmitAsync(verifyOnly, three), HttpStatusCode.Forbidden);
        Assert.Contains("'bulk'", refused.GetProperty("detail").GetString());
        var wrongPurpose = await JsonAsync(await SubmitAsync(bank, three, "marketing"), HttpStatusCode.Forbidden);
        Assert.Contains("marketing", wrongPurpose.GetProperty("detail").GetString());
    }
}

/// <summary>A host whose own bulk worker is off, so a test can start and stop workers as hosts would.</summary>
public sealed class BulkWorkerlessHost : NokorHost
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Verification:RunBulkJobs", "false");
    }
}

public sealed class BulkApiResumeTests(BulkWorkerlessHost host) : IClassFixture<BulkWorkerlessHost>
{
    [Fact]
    public async Task A_job_interrupted_by_a_stopping_host_and_by_a_dead_one_resumes_without_recording_any_row_twice()
    {
        var staff = await host.ClientForAsync("distribution.n");
        var created = await staff.PostAsJsonAsync("/api/verification/institutions", new
        {
            code = "R" + Guid.NewGuid().ToString("N")[..10], name = "Resume Bank", kind = "Bank",
            contract = new
            {
                reference = "DD-RESUME", purposes = new[] { "account-review" }, queryTypes = new[] { "bulk" }, attributes = Array.Empty<string>(),
                monthlyQuota = 1_000_000, priceVerify = 0, priceAttributes = 0, priceBulkRow = 100,
                startsOn = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"), endsOn = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"),
            },
        });
        var institution = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var issued = JsonDocument.Parse(await (await staff.PostAsync($"/api/verification/institutions/{institution}/credentials", null)).Content.ReadAsStringAsync()).RootElement;
        var client = host.CreateClient();
        var token = await client.PostAsync("/api/verification/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = issued.GetProperty("clientId").GetString()!,
            ["client_secret"] = issued.GetProperty("clientSecret").GetString()!,
        }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString());

        const int total = 20_000;
        var csv = new StringBuilder("kidc,sex\r\n");
        var valid = 0;
        var body = 0;
        for (var i = 0; i < total; i++)
        {
            if (i % 7 == 3)
            {
                csv.Append("123,F\r\n");
                continue;
            }

            string? kidc;
            while ((kidc = Nokor.Population.Contracts.KidcRule.Complete("29" + body++.ToString("D7"))) is null)
            {
            }

            csv.Append(kidc).Append(",F\r\n");
            valid++;
        }

        var submitted = await client.PostAsync("/api/verification/v1/bulk?purpose=account-review", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        var text = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();

        async Task<BulkJobEntity> JobAsync()
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<VerificationDbContext>().BulkJobs.AsNoTracking().FirstAsync(j => j.Id == id);
        }

        // A host starts the job and stops once some chunks are done: it gives the job back.
        var first = ActivatorUtilities.CreateInstance<BulkWorker>(host.Services);
        await first.StartAsync(default);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await JobAsync()).ProcessedRows < BulkWorker.ChunkRows)
        {
            Assert.True(DateTime.UtcNow < deadline, "The first worker did not finish a chunk in 30 s.");
            await Task.Delay(10);
        }

        await first.StopAsync(default);
        first.Dispose();
        var stopped = await JobAsync();
        Assert.Equal(BulkJobStatus.Queued, stopped.Status);
        Assert.InRange(stopped.ProcessedRows, BulkWorker.ChunkRows, total - 1);

        // Make it look as if a host died after recording a chunk but before counting it, and after
        // listing the next chunk's results but before recording its rows. (The stop above may have
        // left the next chunk's results listed already, or not: the manifest is set either way.)
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
            var blobs = scope.ServiceProvider.GetRequiredService<IBlobStore>();
            var recordedChunks = stopped.ProcessedRows / BulkWorker.ChunkRows;
            var listed = Encoding.ASCII.GetString((await blobs.GetAsync(stopped.ResultBlob!, default))!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.InRange(listed.Length, recordedChunks, recordedChunks + 1);
            var unrecorded = await blobs.PutAsync(Encoding.UTF8.GetBytes("no_match,,\r\n"), default);
            var manifest = await blobs.PutAsync(Encoding.ASCII.GetBytes(string.Join('\n', [.. listed.Take(recordedChunks), unrecorded])), default);
            var longAgo = DateTimeOffset.UtcNow.AddMinutes(-30);
            await db.BulkJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, BulkJobStatus.Running)
                .SetProperty(j => j.StartedAt, longAgo)
                .SetProperty(j => j.ResultBlob, manifest)
                .SetProperty(j => j.ProcessedRows, stopped.ProcessedRows - BulkWorker.ChunkRows));
        }

        var second = ActivatorUtilities.CreateInstance<BulkWorker>(host.Services);
        await second.StartAsync(default);
        try
        {
            deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await JobAsync()).Status != BulkJobStatus.Completed)
            {
                Assert.NotEqual(BulkJobStatus.Failed, (await JobAsync()).Status);
                Assert.True(DateTime.UtcNow < deadline, "The resumed job did not complete in 60 s.");
                await Task.Delay(50);
            }
        }
        finally
        {
            await second.StopAsync(default);
            second.Dispose();
        }

        var done = await JobAsync();
        Assert.Equal(total, done.ProcessedRows);
        Assert.Equal(0, done.MatchedRows);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
            var kidcs = await db.QueryRecords.AsNoTracking().Where(q => q.BulkJobId == id).Select(q => q.Kidc).ToListAsync();
            Assert.Equal(valid, kidcs.Count);
            Assert.Equal(valid, kidcs.Distinct().Count());
            var usage = await db.Usage.AsNoTracking().SingleAsync(u => u.InstitutionId == institution);
            Assert.Equal(valid, usage.Count);
            Assert.True((await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(null, default)).Intact);
        }

        var result = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/verification/v1/bulk/{id}/result")).TrimStart('\uFEFF');
        var records = BulkCsv.ReadRecords(result, total + 10, out var error)!;
        Assert.Null(error);
        Assert.Equal(total + 1, records.Count);
        Assert.Equal(valid, records.Count(r => r.Fields[2] == "no_match"));
        Assert.Equal(total - valid, records.Count(r => r.Fields[2] == "invalid"));
    }
}
