using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nokor.CivilRegistration.Contracts;
using Nokor.Population.Contracts;

namespace Nokor.Web.Tests.Infrastructure;

/// <summary>Intent methods for civil registration tests: valid bodies to change, and the steps of the procedure.</summary>
public static class CivilIntents
{
    /// <summary>A parent as the informant declares them: the KIDC with the names and date of birth the registry confirms.</summary>
    public static Dictionary<string, object?> Parent(PersonRecord p) => new()
    {
        ["kidc"] = p.Kidc, ["surnameKm"] = p.SurnameKm, ["givenNameKm"] = p.GivenNameKm,
        ["surnameLatin"] = p.SurnameLatin, ["givenNameLatin"] = p.GivenNameLatin, ["birthDate"] = p.BirthDate,
    };

    /// <summary>The deceased of a death application as the informant declares them.</summary>
    public static void Deceased(Dictionary<string, object?> death, PersonRecord p)
    {
        death["deceasedKidc"] = p.Kidc;
        death["deceasedSurnameKm"] = p.SurnameKm;
        death["deceasedGivenNameKm"] = p.GivenNameKm;
        death["deceasedSurnameLatin"] = p.SurnameLatin;
        death["deceasedGivenNameLatin"] = p.GivenNameLatin;
        death["deceasedSex"] = p.Sex.ToString();
        death["deceasedBirthDate"] = p.BirthDate;
    }

    public static Dictionary<string, object?> BirthBody(string village, string birthDate, PersonRecord? mother = null, PersonRecord? father = null,
        Guid? id = null, string givenNameKm = "សុវណ្ណារី", string givenNameLatin = "Sovannary") => new()
    {
        ["id"] = id ?? Guid.NewGuid(),
        ["birth"] = new Dictionary<string, object?>
        {
            ["child"] = new Dictionary<string, object?>
            {
                ["surnameKm"] = "ចាន់",
                ["givenNameKm"] = givenNameKm,
                ["surnameLatin"] = "Chan",
                ["givenNameLatin"] = givenNameLatin,
                ["sex"] = "Female",
                ["birthDate"] = birthDate,
                ["birthTime"] = "06:45",
                ["birthPlaceCode"] = village,
                ["placeKind"] = "HealthFacility",
                ["facilityName"] = "Calmette Hospital",
                ["attendant"] = "Midwife",
                ["birthType"] = "Single",
                ["birthOrder"] = 1,
                ["birthWeightGrams"] = 3150,
                ["residenceVillageCode"] = village,
                ["residenceAddress"] = "House 12, Street 3",
            },
            ["mother"] = mother is not null
                ? Parent(mother)
                : new Dictionary<string, object?>
                {
                    ["surnameKm"] = "សុខ", ["givenNameKm"] = "ស្រីល័ក្ខ", ["surnameLatin"] = "Sok", ["givenNameLatin"] = "Sreyleak",
                    ["birthDate"] = "1995-02-10", ["nationality"] = "KH",
                },
            ["father"] = father is null ? null : Parent(father),
            ["informant"] = new Dictionary<string, object?> { ["kind"] = "Relative", ["name"] = "Sok Sreyleak", ["relationship"] = "mother" },
        },
    };

    public static async Task<RegistrationView> EnterBirthAsync(this HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/civil/registrations/births", body);
        return await ReadAsync<RegistrationView>(response);
    }

    public static async Task<RegistrationView> StepAsync(this HttpClient client, Guid id, string step, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/civil/registrations/{id}/{step}", body ?? new { });
        return await ReadAsync<RegistrationView>(response);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, NokorHost.Json)!;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}
