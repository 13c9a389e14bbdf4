using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Verification.Data;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Verification;

public sealed class VerificationApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private async Task<PersonRecord> PersonAsync(string surnameKm = "សុខ", string givenKm = "ស្រីមុំ", string surnameLatin = "Sok", string givenLatin = "Srey Mom")
    {
        var registrar = await host.ClientForAsync("registrar.a");
        var person = await host.RegisterPersonAsync(registrar, host.PersonBody(host.VillageA, surnameKm, givenKm, surnameLatin, givenLatin, "1990-04-17"));
        await host.WaitUntilProjectedAsync(person.Kidc, person.Version);
        return person;
    }

    private async Task<List<QueryRecordEntity>> RecordsAsync(Guid institution)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        return await db.QueryRecords.AsNoTracking().Where(q => q.InstitutionId == institution).OrderBy(q => q.Sequence).ToListAsync();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string FakeKidc(string near)
    {
        // A well-formed KIDC nobody holds: change the body, recompute the check digit.
        for (var d = 0; d < 10; d++)
        {
            var body = near[..8] + ((near[8] - '0' + d + 1) % 10).ToString();
            if (Nokor.Population.Contracts.KidcRule.Complete(body) is { } code)
            {
                return code;
            }
        }

        throw new InvalidOperationException();
    }

    [Fact]
    public async Task A_verification_answers_per_claim_says_which_variant_matched_and_tells_alive_only_for_an_identified_person()
    {
        var person = await PersonAsync();
        var bank = await host.InstitutionAsync(VerificationIntents.Contract());

        var full = await JsonAsync(await bank.VerifyAsync(new
        {
            kidc = person.Kidc, purpose = "account-opening",
            claims = new { surnameKm = "សុខ", givenNameKm = "ស្រី មុំ", givenNameLatin = "Sreymom", dateOfBirth = "1990-04-17", sex = "M" },
        }), HttpStatusCode.OK);
        Assert.Equal("match", full.GetProperty("result").GetString());
        Assert.True(full.GetProperty("alive").GetBoolean());
        var claims = full.GetProperty("claims");
        Assert.Equal(JsonValueKind.Null, claims.GetProperty("surnameKm").GetProperty("variant").ValueKind);
        Assert.Equal("khmer-encoding", claims.GetProperty("givenNameKm").GetProperty("variant").GetString());
        Assert.Equal("latin-spelling", claims.GetProperty("givenNameLatin").GetProperty("variant").GetString());

        var partial = await JsonAsync(await bank.VerifyAsync(new
        {
            kidc = person.Kidc, purpose = "account-opening", claims = new { surnameKm = "សុខ", dateOfBirth = "1991-04-17" },
        }), HttpStatusCode.OK);
        Assert.Equal("partial", partial.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, partial.GetProperty("alive").ValueKind);
        Assert.False(partial.GetProperty("claims").GetProperty("dateOfBirth").GetProperty("match").GetBoolean());

        // A name alone does not identify: whether the person is alive is not told.
        var nameOnly = await JsonAsync(await bank.VerifyAsync(new { kidc = person.Kidc, purpose = "account-opening", claims = new { surnameKm = "សុខ" } }), HttpStatusCode.OK);
        Assert.Equal("match", nameOnly.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, nameOnly.GetProperty("alive").ValueKind);

        var records = await RecordsAsync(bank.Id);
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(person.Kidc, r.Kidc));
        Assert.Equal(["match", "partial", "match"], records.Select(r => r.Result));
    }

    [Fact]
    public async Task An_unknown_KIDC_answers_exactly_like_a_total_mismatch()
    {
        var person = await PersonAsync();
        var bank = await host.InstitutionAsync(VerificationIntents.Contract());
        var claims = new { surnameKm = "ចាន់", givenNameLatin = "Vanna", dateOfBirth = "1970-01-01", sex = "F" };
        var mismatch = await JsonAsync(await bank.VerifyAsync(new { kidc = person.Kidc, purpose = "account-opening", claims }), HttpStatusCode.OK);
        var unknownKidc = FakeKidc(person.Kidc);
        var unknown = await JsonAsync(await bank.VerifyAsync(new { kidc = unknownKidc, purpose = "account-opening", claims }), HttpStatusCode.OK);

        static string Shape(JsonElement e) => JsonSerializer.Serialize(new { result = e.GetProperty("result"), alive = e.GetProperty("alive"), claims = e.GetProperty("claims") });
        Assert.Equal(Shape(mismatch), Shape(unknown));
        Assert.Equal("no_match", unknown.GetProperty("result").GetString());

        // Both are recorded and billed; the ledger (never shown to the client) tells them apart.
        var records = await RecordsAsync(bank.Id);
        Assert.Equal(["no_match", "unknown"], records.Select(r => r.Result));
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_naming_the_field_and_records_nothing()
    {
        var person = await PersonAsync();
        var bank = await host.InstitutionAsync(VerificationIntents.Contract());
        var malformed = person.Kidc[..9] + (char)('0' + ((person.Kidc[9] - '0' + 1) % 10));
        var cases = new (object Body, string Field)[]
        {
            (new { kidc = malformed, purpose = "account-opening", claims = new { sex = "M" } }, "kidc"),
            (new { kidc = "12345", purpose = "account-opening", claims = new { sex = "M" } }, "kidc"),
            (new { kidc = person.Kidc, claims = new { sex = "M" } }, "purpose"),
            (new { kidc = person.Kidc, purpose = "account-opening" }, "claims"),
            (new { kidc = person.Kidc, purpose = "account-opening", claims = new { sex = "X" } }, "claims.sex"),
            (new { kidc = person.Kidc, purpose = "account-opening", claims = new { surnameKm = "Sok" } }, "claims.surnameKm"),
            (new { kidc = person.Kidc, purpose = "account-opening", claims = new { sex = "M" }, ssn = "1" }, "ssn"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await JsonAsync(await bank.VerifyAsync(body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var notJson = await bank.Client.PostAsync("/api/verification/v1/verify", new StringContent("{\"kidc\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var wrongType = await bank.Client.PostAsync("/api/verification/v1/verify", new StringContent("{\"kidc\": 12}", Encoding.UTF8, "application/json"));
        Assert.True((await JsonAsync(wrongType, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("kidc", out _));
        Assert.Empty(await RecordsAsync(bank.Id));
    }

    [Fact]
    public async Task Purposes_query_types_suspension_and_the_contract_period_are_enforced_with_the_reason()
    {
        var person = await PersonAsync();
        var bank = await host.InstitutionAsync(VerificationIntents.Contract(purposes: ["account-opening", "kyc-refresh"]));
        var outside = await JsonAsync(await bank.VerifyAsync(new { kidc = person.Kidc, purpose = "marketing", claims = new { sex = "M" } }), HttpStatusCode.Forbidden);
        Assert.Contains("marketing", outside.GetProperty("detail").GetString());
        var release = await JsonAsync(await bank.Client.PostAsJsonAsync("/api/verification/v1/attributes", new { kidc = person.Kidc, purpose = "kyc-refresh" }), HttpStatusCode.Forbidden);
        Assert.Contains("'attributes'", release.GetProperty("detail").GetString());

        var future = await host.InstitutionAsync(VerificationIntents.Contract(startsOn: DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd")));
        var early = await JsonAsync(await future.VerifyAsync(new { kidc = person.Kidc, purpose = "account-opening", claims = new { sex = "M" } }), HttpStatusCode.Forbidden);
        Assert.Contains("in force from", early.GetProperty("detail").GetString());

        var staff = await host.ClientForAsync("distribution.n");
        (await staff.PostAsJsonAsync($"/api/verification/institutions/{bank.Id}/status", new { status = "Suspended", reason = "Audit finding 12" })).EnsureSuccessStatusCode();
        var suspended = await JsonAsync(await bank.VerifyAsync(new { kidc = person.Kidc, purpose = "account-opening", claims = new { sex = "M" } }), HttpStatusCode.Forbidden);
        Assert.Contains("suspended", suspended.GetProperty("detail").GetString());

        Assert.Empty(await RecordsAsync(bank.Id));
        Assert.Empty(await RecordsAsync(future.Id));
    }

    [Fact]
    public async Task Wrong_missing_or_revoked_credentials_get_401()
    {
        var person = await PersonAsync();
        var bank = await host.InstitutionAsync(VerificationIntents.Contract());
        var anonymous = host.CreateClient();
        var wrong = await anonymous.PostAsync("/api/verification/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = bank.ClientId, ["client_secret"] = bank.Secret + "x",
        }));
        Assert.Equal("invalid_client", (await JsonAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("error").GetString());

        using var malformed = new ByteArrayContent("garbage"u8.ToArray());
        malformed.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        var refused = await JsonAsync(await anonymous.PostAsync("/api/verification/v1/token", malformed), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("grant_type", out _), refused.ToString());

        var basic = host.CreateClient();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{bank.ClientId}:{bank.Secret}")));
        var viaBasic = await basic.PostAsync("/api/verification/v1/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
        Assert.Equal(HttpStatusCode.OK, viaBasic.StatusCode);

        var body = new { kidc = person.Kidc, purpose = "account-opening", claims = new { sex = "M" } };
        var none = await anonymous.PostAsJsonAsync("/api/verification/v1/verify", body);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("Bearer", none.Headers.WwwAuthenticate.ToString());
        var forged = host.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "NKC1.dnJmMQ.0123456789abcdef." + new string('A', 86));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.PostAsJsonAsync("/api/verification/v1/verify", body)).StatusCode);

        // A staff sign-in is not an institution's token.
        var staffToken = await host.ClientForAsync("distribution.n");
        Assert.Equal(HttpStatusCode.Unauthorized, (await staffToken.PostAsJsonAsync("/api/verification/v1/verify", body)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await bank.VerifyAsync(body)).StatusCode);
        var staff = await host.ClientForAsync("distribution.n");
        (await staff.PostAsJsonAsync($"/api/verification/institutions/{bank.Id}/credentials/{bank.CredentialId}/revoke", new { reason = "Secret leaked" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await bank.VerifyAsync(body)).StatusCode);
        var again = await anonymous.PostAsync("/api/verification/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = bank.ClientId, ["client_secret"] = bank.Secret,
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Single(await RecordsAsync(bank.Id));
    }

    [Fact]
    public async Task Over_the_monthly_quota_answers_429_with_Retry_After_and_records_nothing_more()
    {
        var person = await PersonAsync();
        var bank = await host.InstitutionAsync(VerificationIntents.Contract(quota: 3));
        var body = new { kidc = person.Kidc, purpose = "account-opening", claims = new { sex = "M" } };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await bank.VerifyAsync(body)).StatusCode);
        }

        var refused = await bank.VerifyAsync(body);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(3, (await RecordsAsync(bank.Id)).Count);

        var staff = await host.ClientForAsync("distribution.n");
        var month = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM");
        var statement = await JsonAsync(await staff.GetAsync($"/api/verification/institutions/{bank.Id}/statements/{month}"), HttpStatusCode.OK);
        var verify = statement.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("queryType").GetString() == "verify");
        Assert.Equal(3, verify.GetProperty("count").GetInt64());
        Assert.Equal(1500, verify.GetProperty("amount").GetInt64());
        var csv = await staff.GetStringAsync($"/api/verification/institutions/{bank.Id}/statements/{month}?format=csv");
        Assert.Contains($",{month},verify,3,500,1500", csv);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/api/verification/institutions/{bank.Id}/statements/2026-13")).StatusCode);
    }

    [Fact]
    public async Task A_contract_reference_that_starts_like_a_formula_is_neutralised_in_the_statement_csv()
    {
        var person = await PersonAsync();
        const string reference = "=HYPERLINK(\"http://x\",\"y\")";
        var bank = await host.InstitutionAsync(new
        {
            reference,
            purposes = new[] { "account-opening" },
            queryTypes = new[] { "verify" },
            attributes = Array.Empty<string>(),
            monthlyQuota = 100,
            priceVerify = 500,
            priceAttributes = 0,
            priceBulkRow = 0,
            startsOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            endsOn = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.OK, (await bank.VerifyAsync(new { kidc = person.Kidc, purpose = "account-opening", claims = new { sex = "M" } })).StatusCode);

        var staff = await host.ClientForAsync("distribution.n");
        var month = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM");
        var response = await staff.GetAsync($"/api/verification/institutions/{bank.Id}/statements/{month}?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var records = Nokor.Verification.Bulk.BulkCsv.ReadRecords(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), 10, out var error)!;
        Assert.Null(error);
        Assert.Equal(["institution", "contract", "month", "query_type", "count", "unit_price_khr", "amount_khr"], records[0].Fields);
        // Every line carries the reference with a leading apostrophe, so a spreadsheet shows it as text; the counts and amounts stay numbers.
        Assert.All(records.Skip(1), r => Assert.Equal("'" + reference, r.Fields[1]));
        var verify = records.Single(r => r.Fields[3] == "verify").Fields;
        Assert.Equal(["1", "500", "500"], verify[4..]);
        Assert.Equal(["total", "1", "", "500"], records[^1].Fields[3..]);
        Assert.DoesNotContain(",=HYPERLINK", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attribute_release_gives_exactly_the_allowed_attributes_and_refuses_each_other_one()
    {
        var person = await PersonAsync();
        string[] allowed = ["surnameKm", "dateOfBirth", "lifeStatus"];
        var bank = await host.InstitutionAsync(VerificationIntents.Contract(queryTypes: ["verify", "attributes"], attributes: allowed));
        var all = await JsonAsync(await bank.Client.PostAsJsonAsync("/api/verification/v1/attributes", new { kidc = person.Kidc, purpose = "account-opening" }), HttpStatusCode.OK);
        Assert.Equal(allowed.Order(), all.GetProperty("attributes").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("1990-04-17", all.GetProperty("attributes").GetProperty("dateOfBirth").GetString());

        foreach (var attribute in Nokor.Verification.Contracts.PersonAttributes.Releasable)
        {
            var response = await bank.Client.PostAsJsonAsync("/api/verification/v1/attributes", new { kidc = person.Kidc, purpose = "account-opening", attributes = new[] { attribute } });
            if (allowed.Contains(attribute))
            {
                var json = await JsonAsync(response, HttpStatusCode.OK);
                Assert.Equal([attribute], json.GetProperty("attributes").EnumerateObject().Select(p => p.Name));
            }
            else
            {
                var problem = await JsonAsync(response, HttpStatusCode.Forbidden);
                Assert.Contains(attribute, problem.GetProperty("detail").GetString());
                Assert.DoesNotContain(person.GivenNameKm, problem.ToString());
            }
        }

        var unknown = await JsonAsync(await bank.Client.PostAsJsonAsync("/api/verification/v1/attributes", new { kidc = FakeKidc(person.Kidc), purpose = "account-opening" }), HttpStatusCode.OK);
        Assert.Equal("no_match", unknown.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("attributes").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await bank.Client.PostAsJsonAsync("/api/verification/v1/attributes",
            new { kidc = person.Kidc, purpose = "account-opening", attributes = new[] { "photo" } })).StatusCode);
        Assert.Equal(1 + allowed.Length + 1, (await RecordsAsync(bank.Id)).Count);
    }

    [Fact]
    public async Task X_Road_headers_are_recorded_and_the_response_carries_the_request_hash()
    {
        var person = await PersonAsync();
        var bank = await host.InstitutionAsync(VerificationIntents.Contract());
        var json = JsonSerializer.Serialize(new { kidc = person.Kidc, purpose = "account-opening", claims = new { sex = "M" } });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/verification/v1/verify") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Road-Client", "CAMDX/COM/00001234/KYC");
        request.Headers.Add("X-Road-Id", "msg-" + Guid.NewGuid().ToString("N"));
        request.Headers.Add("X-Road-UserId", "KH-teller-7");
        var response = await bank.Client.SendAsync(request);
        await JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(json))), response.Headers.GetValues("X-Road-Request-Hash").Single());
        var record = (await RecordsAsync(bank.Id)).Single();
        Assert.Equal("CAMDX/COM/00001234/KYC", record.XRoadClient);
        Assert.Equal(request.Headers.GetValues("X-Road-Id").Single(), record.RequestId);
        Assert.Equal("KH-teller-7", record.UserId);

        using var tooLong = new HttpRequestMessage(HttpMethod.Post, "/api/verification/v1/verify") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        tooLong.Headers.Add("X-Road-Id", new string('x', 200));
        Assert.Equal(HttpStatusCode.BadRequest, (await bank.Client.SendAsync(tooLong)).StatusCode);
        Assert.Single(await RecordsAsync(bank.Id));
    }

    [Fact]
    public async Task A_death_reaches_verification_and_the_person_sees_who_looked()
    {
        var person = await PersonAsync();
        var bank = await host.InstitutionAsync(VerificationIntents.Contract(purposes: ["account-opening", "pension-check"]));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<IPopulationRegistry>();
            Assert.True((await registry.RecordDeathAsync(person.Kidc, DateOnly.FromDateTime(DateTime.UtcNow), Actor.Platform("test"), "test:" + Guid.NewGuid(), CancellationToken.None)).IsOk);
        }

        await host.WaitUntilProjectedAsync(person.Kidc, person.Version + 1);
        var answer = await JsonAsync(await bank.VerifyAsync(new
        {
            kidc = person.Kidc, purpose = "pension-check", claims = new { surnameLatin = "Sok", dateOfBirth = "1990-04-17" },
        }), HttpStatusCode.OK);
        Assert.False(answer.GetProperty("alive").GetBoolean());

        var eservices = await host.ClientForAsync("system.n");
        var seen = await JsonAsync(await eservices.GetAsync($"/api/verification/persons/{person.Kidc}/queries"), HttpStatusCode.OK);
        var entry = seen.EnumerateArray().Single();
        Assert.Equal("pension-check", entry.GetProperty("purpose").GetString());
        Assert.Equal("Test Bank", entry.GetProperty("institutionName").GetString());
        Assert.Contains(await host.AuditForAsync(person.Kidc), a => a.Action == "verification.person-access.read");

        var agent = await host.ClientForAsync("agent.a");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/verification/persons/{person.Kidc}/queries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/verification/institutions")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await eservices.GetAsync("/api/verification/persons/123/queries")).StatusCode);
    }

    [Fact]
    public async Task Only_roles_that_may_see_the_person_read_who_queried_them_within_their_area()
    {
        var person = await PersonAsync();
        var bank = await host.InstitutionAsync(VerificationIntents.Contract());
        Assert.Equal(HttpStatusCode.OK, (await bank.VerifyAsync(new { kidc = person.Kidc, purpose = "account-opening", claims = new { sex = "M" } })).StatusCode);
        var path = $"/api/verification/persons/{person.Kidc}/queries";
        var unknownPath = $"/api/verification/persons/{FakeKidc(person.Kidc)}/queries";
        var before = (await host.AuditForAsync(person.Kidc)).Count(a => a.Action == "verification.person-access.read");

        // The administrator manages accounts, not people: refused by role (403) before any KIDC is
        // looked at, so the answer is the same for every KIDC and says nothing about the person.
        var admin = await host.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(unknownPath)).StatusCode);

        // The registrar whose office (commune A) covers the person's residence sees the history; the reading is audited with its purpose.
        var registrar = await host.ClientForAsync("registrar.a");
        registrar.DefaultRequestHeaders.Remove("X-Purpose");
        registrar.DefaultRequestHeaders.Add("X-Purpose", "citizen asked at the counter");
        var seen = await JsonAsync(await registrar.GetAsync(path), HttpStatusCode.OK);
        Assert.Equal("account-opening", seen.EnumerateArray().Single().GetProperty("purpose").GetString());
        var read = (await host.AuditForAsync(person.Kidc)).Where(a => a.Action == "verification.person-access.read").ToList();
        Assert.Equal(before + 1, read.Count);
        Assert.Equal("citizen asked at the counter", read[^1].Purpose);

        // A registrar of another province gets the same 404 as for a KIDC nobody holds, and nothing is audited.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            Assert.Empty(await accounts.CreateAsync(new NewStaffAccount("registrar.b", "Test registrar.b", NokorHost.Password, Roles.Registrar, OfficeLevel.Commune, host.CommuneB)));
        }

        var elsewhere = await host.ClientForAsync("registrar.b");
        var outside = await JsonAsync(await elsewhere.GetAsync(path), HttpStatusCode.NotFound);
        var unknown = await JsonAsync(await elsewhere.GetAsync(unknownPath), HttpStatusCode.NotFound);
        Assert.Equal("No person with this KIDC in your area.", outside.GetProperty("detail").GetString());
        Assert.Equal(unknown.GetProperty("detail").GetString(), outside.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync(unknownPath)).StatusCode);
        Assert.Equal(before + 1, (await host.AuditForAsync(person.Kidc)).Count(a => a.Action == "verification.person-access.read"));

        // The data distribution unit (national oversight) still reads it; a purpose too long is refused naming the header.
        var distribution = await host.ClientForAsync("distribution.n");
        await JsonAsync(await distribution.GetAsync(path), HttpStatusCode.OK);
        distribution.DefaultRequestHeaders.Remove("X-Purpose");
        distribution.DefaultRequestHeaders.Add("X-Purpose", new string('p', 201));
        var tooLong = await JsonAsync(await distribution.GetAsync(path), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("X-Purpose", out _));
    }

    [Fact]
    public async Task Contract_changes_are_validated_audited_and_take_effect_at_once()
    {
        var person = await PersonAsync();
        var bank = await host.InstitutionAsync(VerificationIntents.Contract());
        var staff = await host.ClientForAsync("distribution.n");
        var bad = await staff.PutAsJsonAsync($"/api/verification/institutions/{bank.Id}", new
        {
            contract = new { reference = "X", purposes = new[] { "Bad Purpose" }, queryTypes = new[] { "verify", "everything" }, monthlyQuota = 0, startsOn = "2026-12-01", endsOn = "2026-01-01" },
        });
        var problem = await JsonAsync(bad, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "contract.purposes", "contract.queryTypes", "contract.monthlyQuota", "contract.endsOn", "contract.priceVerify" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var changed = await staff.PutAsJsonAsync($"/api/verification/institutions/{bank.Id}", new
        {
            contract = VerificationIntents.Contract(purposes: ["sim-registration"]),
        });
        await JsonAsync(changed, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await bank.VerifyAsync(new { kidc = person.Kidc, purpose = "account-opening", claims = new { sex = "M" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bank.VerifyAsync(new { kidc = person.Kidc, purpose = "sim-registration", claims = new { sex = "M" } })).StatusCode);
        var audit = await host.AuditForAsync(bank.Id.ToString("D"));
        Assert.Equal(["verification.institution.create", "verification.credential.issue", "verification.institution.update"], audit.Select(a => a.Action));
        Assert.Contains("sim-registration", audit.Last().Details);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_verification_API_under_its_tag()
    {
        var doc = await host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/verification/v1/token", "/api/verification/v1/verify", "/api/verification/v1/attributes" })
        {
            var post = paths.GetProperty(path).GetProperty("post");
            Assert.Contains("Verification", post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }
    }
}
