using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nokor.CivilRegistration.Contracts;

namespace Nokor.Web.Tests.Infrastructure;

/// <summary>Intent methods for civil registration tests: valid bodies to change, and the steps of the procedure.</summary>
public static class CivilIntents
{
    public static Dictionary<string, object?> BirthBody(string village, string birthDate, string? motherKidc = null, string? fatherKidc = null,
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
            ["mother"] = motherKidc is not null
                ? new Dictionary<string, object?> { ["kidc"] = motherKidc }
                : new Dictionary<string, object?>
                {
                    ["surnameKm"] = "សុខ", ["givenNameKm"] = "ស្រីល័ក្ខ", ["surnameLatin"] = "Sok", ["givenNameLatin"] = "Sreyleak",
                    ["birthDate"] = "1995-02-10", ["nationality"] = "KH",
                },
            ["father"] = fatherKidc is null ? null : new Dictionary<string, object?> { ["kidc"] = fatherKidc },
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
