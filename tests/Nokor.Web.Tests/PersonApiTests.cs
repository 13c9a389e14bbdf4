using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nokor.Population.Contracts;
using Nokor.Population.Kidc;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests;

public sealed class PersonApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    [Fact]
    public async Task Registering_assigns_a_valid_citizen_KIDC_and_the_record_reads_back_with_version_and_audit()
    {
        var agent = await host.ClientForAsync("agent.a");
        var person = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, givenNameKm: "សុភា", givenNameLatin: "Sophea"));

        Assert.True(KidcRule.IsValid(person.Kidc));
        Assert.StartsWith("1", person.Kidc);
        Assert.Equal(1, person.Version);

        var read = await agent.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{person.Kidc}", NokorHost.Json);
        Assert.Equal("សុខ", read!.SurnameKm);
        Assert.Equal("Sophea", read.GivenNameLatin);
        Assert.Equal("1990-04-17", read.BirthDate);
        Assert.Equal(host.VillageA, read.Residence.VillageCode);
        Assert.NotNull(read.Residence.PlaceKm);

        var audit = await host.AuditForAsync(person.Kidc);
        Assert.Equal(["person.create", "person.read"], audit.Select(a => a.Action));
        Assert.Equal("Automated test", audit[1].Purpose);
        Assert.All(audit, a => Assert.Equal("staff", a.ActorKind));
    }

    [Fact]
    public async Task A_foreign_resident_gets_a_KIDC_starting_with_2()
    {
        var agent = await host.ClientForAsync("agent.a");
        var body = host.PersonBody(host.VillageA, givenNameKm: "ថាវ", givenNameLatin: "Thao");
        body["citizenshipStatus"] = "ForeignResident";
        body["nationality"] = "VN";
        body["birthPlaceCode"] = null;
        body["birthCountry"] = "VN";
        var person = await host.RegisterPersonAsync(agent, body);
        Assert.StartsWith("2", person.Kidc);
        Assert.True(KidcRule.IsValid(person.Kidc));
    }

    [Fact]
    public async Task A_commune_account_cannot_see_or_change_a_person_of_another_commune()
    {
        var agentA = await host.ClientForAsync("agent.a");
        var agentB = await host.ClientForAsync("agent.b");
        var person = await host.RegisterPersonAsync(agentA, host.PersonBody(host.VillageA, givenNameKm: "វិចិត្រ", givenNameLatin: "Vichet"));

        Assert.Equal(HttpStatusCode.NotFound, (await agentB.GetAsync($"/api/population/persons/{person.Kidc}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agentB.GetAsync($"/api/population/persons/{person.Kidc}/history")).StatusCode);
        var patch = await agentB.PatchAsJsonAsync($"/api/population/persons/{person.Kidc}",
            new { givenNameLatin = "Vicheth", reason = "test", source = "ManualCorrection" });
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);

        var search = await agentB.GetFromJsonAsync<JsonElement>($"/api/population/persons?q={Uri.EscapeDataString("សុខ វិចិត្រ")}");
        Assert.Equal(0, search.GetProperty("items").GetArrayLength());
        var searchA = await agentA.GetFromJsonAsync<JsonElement>($"/api/population/persons?q={Uri.EscapeDataString("សុខ វិចិត្រ")}");
        Assert.Contains(searchA.GetProperty("items").EnumerateArray(), i => i.GetProperty("kidc").GetString() == person.Kidc);

        // An unknown KIDC and a KIDC outside the area answer the same way.
        var unknown = KidcRule.Complete("1" + "00000001") ?? KidcRule.Complete("1" + "00000002")!;
        var unknownResponse = await agentB.GetAsync($"/api/population/persons/{unknown}");
        Assert.Equal(HttpStatusCode.NotFound, unknownResponse.StatusCode);

        var national = await host.ClientForAsync("registrar.n");
        Assert.Equal(HttpStatusCode.OK, (await national.GetAsync($"/api/population/persons/{person.Kidc}")).StatusCode);
    }

    [Fact]
    public async Task An_agent_cannot_register_a_resident_of_another_commune()
    {
        var agentA = await host.ClientForAsync("agent.a");
        var before = await host.CountsAsync();
        var response = await agentA.PostAsJsonAsync("/api/population/persons", host.PersonBody(host.VillageB));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "residenceVillageCode");
        Assert.Equal(before, await host.CountsAsync());
    }

    public static TheoryData<string, string, object?> BadFields => new()
    {
        { "fatherKidc", "fatherKidc", "1234567890" },
        { "residenceVillageCode", "residenceVillageCode", "99999999" },
        { "birthPlaceCode", "birthPlaceCode", "12345" },
        { "birthDate", "birthDate", "2999-01-01" },
        { "birthDate", "birthDate", "1990-02-30" },
        { "birthDate", "birthDate", "17/04/1990" },
        { "surnameKm", "surnameKm", "\u17B6\u1780" },
        { "surnameKm", "surnameKm", "\u17D2" },
        { "givenNameKm", "givenNameKm", "   " },
        { "surnameLatin", "surnameLatin", "" },
        { "surnameLatin", "surnameLatin", "Sok<script>" },
        { "givenNameLatin", "givenNameLatin", new string('a', 101) },
        { "sex", "sex", "X" },
        { "sex", "sex", 5 },
        { "source", "source", "Facebook" },
        { "citizenshipStatus", "citizenshipStatus", "Alien" },
        { "nationality", "nationality", "Khmer" },
        { "residenceAddress", "residenceAddress", new string('x', 301) },
        { "reason", "reason", "a\u0000b" },
        { "citizenshipStatus", "citizenshipStatus", "Naturalized,ForeignResident" },
        { "sex", "sex", "+1" },
        { "source", "source", "0" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_input_gets_a_problem_naming_the_field_and_writes_nothing(string field, string expectedField, object? value)
    {
        var agent = await host.ClientForAsync("agent.a");
        var body = host.PersonBody(host.VillageA);
        body[field] = value;
        var before = await host.CountsAsync();
        var response = await agent.PostAsJsonAsync("/api/population/persons", body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expectedField);
        Assert.Equal(before, await host.CountsAsync());
    }

    [Fact]
    public async Task A_parent_born_after_the_child_is_refused()
    {
        var agent = await host.ClientForAsync("agent.a");
        var young = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, givenNameKm: "បូរ៉ា", givenNameLatin: "Bora", birthDate: "2001-01-01"));
        var body = host.PersonBody(host.VillageA, givenNameKm: "ចិន្តា", givenNameLatin: "Chenda", birthDate: "1999-05-05");
        body["fatherKidc"] = young.Kidc;
        var before = await host.CountsAsync();
        await AssertProblemAsync(await agent.PostAsJsonAsync("/api/population/persons", body), HttpStatusCode.BadRequest, "fatherKidc");
        Assert.Equal(before, await host.CountsAsync());
    }

    [Fact]
    public async Task Malformed_bodies_are_refused_with_problem_details_and_nothing_written()
    {
        var agent = await host.ClientForAsync("agent.a");
        var before = await host.CountsAsync();

        var broken = await agent.PostAsync("/api/population/persons", new StringContent("{\"surnameKm\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);

        var wrongType = await agent.PostAsync("/api/population/persons", new StringContent("surnameKm=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);

        var huge = host.PersonBody(host.VillageA);
        huge["reason"] = new string('x', 400_000);
        var tooLarge = await agent.PostAsJsonAsync("/api/population/persons", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);

        Assert.Equal(before, await host.CountsAsync());
    }

    [Fact]
    public async Task Reads_need_a_valid_KIDC_and_a_stated_purpose()
    {
        var agent = await host.ClientForAsync("agent.a");
        await AssertProblemAsync(await agent.GetAsync("/api/population/persons/1234567890"), HttpStatusCode.BadRequest, "kidc");
        await AssertProblemAsync(await agent.GetAsync("/api/population/persons/12345"), HttpStatusCode.BadRequest, "kidc");

        var person = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, givenNameKm: "សុជាតិ", givenNameLatin: "Socheat"));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/population/persons/{person.Kidc}");
        request.Headers.Remove("X-Purpose");
        var noPurpose = host.CreateClient();
        noPurpose.DefaultRequestHeaders.Authorization = agent.DefaultRequestHeaders.Authorization;
        await AssertProblemAsync(await noPurpose.SendAsync(request), HttpStatusCode.BadRequest, "purpose");
    }

    [Fact]
    public async Task Updates_make_versions_with_reason_and_source_and_history_shows_them()
    {
        var agent = await host.ClientForAsync("registrar.a");
        var person = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, givenNameKm: "ពិសី", givenNameLatin: "Pisey"));

        var noReason = await agent.PatchAsJsonAsync($"/api/population/persons/{person.Kidc}", new { givenNameLatin = "Pisei", source = "ManualCorrection" });
        await AssertProblemAsync(noReason, HttpStatusCode.BadRequest, "reason");

        var changed = await agent.PatchAsJsonAsync($"/api/population/persons/{person.Kidc}",
            new { givenNameLatin = "Pisei", residenceVillageCode = host.VillageA2, reason = "Spelling on the ID card", source = "IdCard", expectedVersion = 1 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var v2 = await changed.Content.ReadFromJsonAsync<PersonRecord>(NokorHost.Json);
        Assert.Equal(2, v2!.Version);
        Assert.Equal(person.Kidc, v2.Kidc);
        Assert.Equal(host.VillageA2, v2.Residence.VillageCode);

        var stale = await agent.PatchAsJsonAsync($"/api/population/persons/{person.Kidc}",
            new { givenNameLatin = "Pisey", reason = "again", source = "ManualCorrection", expectedVersion = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var death = await agent.PatchAsJsonAsync($"/api/population/persons/{person.Kidc}",
            new { lifeStatus = "Deceased", deathDate = "2024-02-01", reason = "Death registration", source = "Crvs",
                  addDocuments = new[] { new { type = "KhmerIdCard", number = "010203040", issuingSystem = "Khmer ID System", issuedOn = "2015-01-01", validUntil = "2025-01-01" } } });
        Assert.Equal(HttpStatusCode.OK, death.StatusCode);
        var v3 = await death.Content.ReadFromJsonAsync<PersonRecord>(NokorHost.Json);
        Assert.Equal(LifeStatus.Deceased, v3!.LifeStatus);
        Assert.Equal(new DateOnly(2024, 2, 1), v3.DeathDate);
        Assert.Single(v3.Documents);

        var history = (await agent.GetFromJsonAsync<List<PersonVersion>>($"/api/population/persons/{person.Kidc}/history", NokorHost.Json))!;
        Assert.Equal([3, 2, 1], history.Select(h => h.Version));
        Assert.Equal(ChangeSource.IdCard, history[1].Source);
        Assert.Equal("Spelling on the ID card", history[1].Reason);
        Assert.Contains("givenNameLatin", history[1].ChangedFields);
        Assert.Equal("Pisey", history[2].Snapshot!.GivenNameLatin);
        Assert.Equal("Pisei", history[1].Snapshot!.GivenNameLatin);
        Assert.Contains("lifeStatus", history[0].ChangedFields);
    }

    [Fact]
    public async Task A_document_number_already_held_by_someone_else_is_refused()
    {
        var agent = await host.ClientForAsync("registrar.a");
        var one = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, givenNameKm: "សំណាង", givenNameLatin: "Samnang"));
        var two = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, givenNameKm: "សុគន្ធា", givenNameLatin: "Sokunthea"));
        var doc = new[] { new { type = "Passport", number = "N0999888", issuingSystem = "Passport System" } };
        Assert.Equal(HttpStatusCode.OK, (await agent.PatchAsJsonAsync($"/api/population/persons/{one.Kidc}",
            new { addDocuments = doc, reason = "Passport issued", source = "Passport" })).StatusCode);
        var before = await host.CountsAsync();
        var clash = await agent.PatchAsJsonAsync($"/api/population/persons/{two.Kidc}", new { addDocuments = doc, reason = "Passport issued", source = "Passport" });
        await AssertProblemAsync(clash, HttpStatusCode.BadRequest, "addDocuments[0].number");
        Assert.Equal(before, await host.CountsAsync());
    }

    [Fact]
    public async Task Children_are_derived_from_the_childrens_parent_links()
    {
        var agent = await host.ClientForAsync("agent.a");
        var father = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, givenNameKm: "សុវណ្ណ", givenNameLatin: "Sovann", birthDate: "1970"));
        var childBody = host.PersonBody(host.VillageA, givenNameKm: "រតនា", givenNameLatin: "Ratana", birthDate: "2000-06");
        childBody["fatherKidc"] = father.Kidc;
        var child = await host.RegisterPersonAsync(agent, childBody);

        var read = await agent.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{father.Kidc}", NokorHost.Json);
        var link = Assert.Single(read!.Children);
        Assert.Equal(child.Kidc, link.Kidc);
        Assert.Equal("2000-06", link.BirthDate);
        Assert.Equal("1970", read.BirthDate);
        var childRead = await agent.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{child.Kidc}", NokorHost.Json);
        Assert.Equal(father.Kidc, childRead!.Father!.Kidc);
    }

    [Fact]
    public async Task Search_finds_Khmer_names_typed_in_another_mark_order_and_Latin_names_in_any_case()
    {
        var agent = await host.ClientForAsync("agent.a");
        // ម៉ៅ ស្រីពេជ្រ: register with the canonical order, search with the vowel typed before the shifter.
        var person = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA,
            surnameKm: "\u1798\u17C9\u17C5", givenNameKm: "\u179F\u17D2\u179A\u17B8\u1796\u17C1\u1787\u17D2\u179A",
            surnameLatin: "Mao", givenNameLatin: "Sreypich", birthDate: "1995-08-08"));

        var typed = "\u1798\u17C5\u17C9 \u179F\u17D2\u179A\u17B8\u1796\u17C1\u1787\u17D2\u179A";
        var found = await agent.GetFromJsonAsync<JsonElement>($"/api/population/persons?q={Uri.EscapeDataString(typed)}&birthDate=1995");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("kidc").GetString() == person.Kidc);

        var latin = await agent.GetFromJsonAsync<JsonElement>("/api/population/persons?q=MAO%20SREYPICH");
        Assert.Contains(latin.GetProperty("items").EnumerateArray(), i => i.GetProperty("kidc").GetString() == person.Kidc);

        var wrongYear = await agent.GetFromJsonAsync<JsonElement>($"/api/population/persons?q={Uri.EscapeDataString(typed)}&birthDate=1996");
        Assert.DoesNotContain(wrongYear.GetProperty("items").EnumerateArray(), i => i.GetProperty("kidc").GetString() == person.Kidc);

        var byKidc = await agent.GetFromJsonAsync<JsonElement>($"/api/population/persons?q={person.Kidc}");
        Assert.Equal(person.Kidc, byKidc.GetProperty("items")[0].GetProperty("kidc").GetString());

        await AssertProblemAsync(await agent.GetAsync("/api/population/persons?q="), HttpStatusCode.BadRequest, "q");
        await AssertProblemAsync(await agent.GetAsync("/api/population/persons?q=Mao&limit=1000"), HttpStatusCode.BadRequest, "limit");
        await AssertProblemAsync(await agent.GetAsync("/api/population/persons?q=Mao&placeCode=abc"), HttpStatusCode.BadRequest, "placeCode");
    }

    [Fact]
    public async Task Citizenship_and_nationality_must_agree()
    {
        var agent = await host.ClientForAsync("agent.a");
        var body = host.PersonBody(host.VillageA, givenNameKm: "ហុង", givenNameLatin: "Hong");
        body["citizenshipStatus"] = "ForeignResident";
        await AssertProblemAsync(await agent.PostAsJsonAsync("/api/population/persons", body), HttpStatusCode.BadRequest, "nationality");
        body["citizenshipStatus"] = "CitizenByBirth";
        body["nationality"] = "TH";
        await AssertProblemAsync(await agent.PostAsJsonAsync("/api/population/persons", body), HttpStatusCode.BadRequest, "nationality");
    }

    [Fact]
    public async Task Relatives_outside_the_area_are_shown_by_KIDC_only()
    {
        var agentA = await host.ClientForAsync("agent.a");
        var agentB = await host.ClientForAsync("agent.b");
        var father = await host.RegisterPersonAsync(agentB, host.PersonBody(host.VillageB, givenNameKm: "សំអាត", givenNameLatin: "Samat", birthDate: "1960"));
        var childBody = host.PersonBody(host.VillageA, givenNameKm: "សុភាព", givenNameLatin: "Sopheap", birthDate: "1990-01-01");
        childBody["fatherKidc"] = father.Kidc;
        var child = await host.RegisterPersonAsync(agentA, childBody);

        Assert.Equal(father.Kidc, child.Father!.Kidc);
        Assert.Null(child.Father.NameLatin);
        Assert.Null(child.Father.NameKm);

        var fatherRead = await agentB.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{father.Kidc}", NokorHost.Json);
        var link = Assert.Single(fatherRead!.Children);
        Assert.Equal(child.Kidc, link.Kidc);
        Assert.Null(link.NameLatin);
        Assert.Null(link.BirthDate);

        var national = await host.ClientForAsync("registrar.n");
        var full = await national.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{father.Kidc}", NokorHost.Json);
        Assert.Equal("Sok Sopheap", Assert.Single(full!.Children).NameLatin);
    }

    [Fact]
    public async Task A_new_birth_date_must_stay_before_death_and_after_the_parents()
    {
        var registrar = await host.ClientForAsync("registrar.a");
        var parent = await host.RegisterPersonAsync(registrar, host.PersonBody(host.VillageA, givenNameKm: "ចំរើន", givenNameLatin: "Chamroeun", birthDate: "1950"));
        var childBody = host.PersonBody(host.VillageA, givenNameKm: "ចរិយា", givenNameLatin: "Chariya", birthDate: "1980-03-03");
        childBody["motherKidc"] = null;
        childBody["fatherKidc"] = parent.Kidc;
        var child = await host.RegisterPersonAsync(registrar, childBody);

        Assert.Equal(HttpStatusCode.OK, (await registrar.PatchAsJsonAsync($"/api/population/persons/{parent.Kidc}",
            new { lifeStatus = "Deceased", deathDate = "2010-05-05", reason = "Death registration", source = "Crvs" })).StatusCode);
        await AssertProblemAsync(await registrar.PatchAsJsonAsync($"/api/population/persons/{parent.Kidc}",
            new { birthDate = "2015", reason = "typo", source = "ManualCorrection" }), HttpStatusCode.BadRequest, "birthDate");
        await AssertProblemAsync(await registrar.PatchAsJsonAsync($"/api/population/persons/{child.Kidc}",
            new { birthDate = "1949", reason = "typo", source = "ManualCorrection" }), HttpStatusCode.BadRequest, "birthDate");
        await AssertProblemAsync(await registrar.PatchAsJsonAsync($"/api/population/persons/{parent.Kidc}",
            new { birthDate = "1985", reason = "typo", source = "ManualCorrection" }), HttpStatusCode.BadRequest, "birthDate");
    }

    [Fact]
    public async Task Roles_decide_who_may_read_and_write()
    {
        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/population/persons?q=Sok")).StatusCode);

        var viewer = await host.ClientForAsync("viewer.a");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/population/persons?q=Sok")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/population/persons", host.PersonBody(host.VillageA))).StatusCode);

        // System administrators manage accounts, not people's records.
        var admin = await host.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/population/persons?q=Sok")).StatusCode);

        var wrong = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "agent.a", password = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        await AssertProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "" }), HttpStatusCode.BadRequest, "userName");
    }

    [Fact]
    public async Task The_KIDC_validation_endpoint_checks_form_and_check_digit()
    {
        var agent = await host.ClientForAsync("agent.a");
        var valid = KidcRule.Complete("287654321")!;
        var ok = await agent.GetFromJsonAsync<JsonElement>($"/api/population/kidc/{valid}/validation");
        Assert.True(ok.GetProperty("valid").GetBoolean());
        var bad = await agent.GetFromJsonAsync<JsonElement>("/api/population/kidc/2876543215/validation");
        Assert.False(bad.GetProperty("valid").GetBoolean());
        Assert.False(string.IsNullOrEmpty(bad.GetProperty("reason").GetString()));
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(text);
        Assert.True(doc.RootElement.TryGetProperty("errors", out var errors), text);
        Assert.True(errors.TryGetProperty(field, out _), $"no error for '{field}' in {text}");
    }
}
