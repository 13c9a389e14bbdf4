using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Nokor.Web.Tests.Infrastructure;

/// <summary>An institution as a test sees it: its id and an HTTP client holding its access token.</summary>
public sealed record TestInstitution(Guid Id, string ClientId, string Secret, Guid CredentialId, HttpClient Client);

/// <summary>Intent methods for the verification tests: contracts, credentials and queries.</summary>
public static class VerificationIntents
{
    public static object Contract(
        string[]? purposes = null, string[]? queryTypes = null, string[]? attributes = null, long quota = 1000,
        string? startsOn = null, string? endsOn = null) => new
    {
        reference = "DD-TEST-" + Guid.NewGuid().ToString("N")[..6],
        purposes = purposes ?? ["account-opening"],
        queryTypes = queryTypes ?? ["verify"],
        attributes = attributes ?? [],
        monthlyQuota = quota,
        priceVerify = 500,
        priceAttributes = 1500,
        priceBulkRow = 200,
        startsOn = startsOn ?? DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
        endsOn = endsOn ?? DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"),
    };

    /// <summary>Registers an institution with this contract through the staff API, issues a credential and signs in as it.</summary>
    public static async Task<TestInstitution> InstitutionAsync(this NokorHost host, object contract, string? code = null)
    {
        var staff = await host.ClientForAsync("distribution.n");
        var created = await staff.PostAsJsonAsync("/api/verification/institutions", new
        {
            code = code ?? "T" + Guid.NewGuid().ToString("N")[..10],
            name = "Test Bank",
            nameKm = "ធនាគារសាកល្បង",
            kind = "Bank",
            contract,
        });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.IsSuccessStatusCode, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        var issued = await staff.PostAsync($"/api/verification/institutions/{id}/credentials", null);
        var credential = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        var clientId = credential.GetProperty("clientId").GetString()!;
        var secret = credential.GetProperty("clientSecret").GetString()!;
        var client = host.CreateClient();
        var token = await TokenAsync(client, clientId, secret);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TestInstitution(id, clientId, secret, credential.GetProperty("credentialId").GetGuid(), client);
    }

    public static async Task<string> TokenAsync(HttpClient client, string clientId, string secret)
    {
        var response = await client.PostAsync("/api/verification/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }

    public static Task<HttpResponseMessage> VerifyAsync(this TestInstitution institution, object body) =>
        institution.Client.PostAsJsonAsync("/api/verification/v1/verify", body);

    /// <summary>Waits until the verification store holds this version of the person (the projection follows the registry within moments).</summary>
    public static async Task WaitUntilProjectedAsync(this NokorHost host, string kidc, int version = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<Nokor.Verification.Data.VerificationDbContext>();
                if (await db.Persons.AsNoTracking().AnyAsync(p => p.Kidc == kidc && p.Version >= version))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"KIDC {kidc} version {version} did not reach the verification store in 15 s.");
            await Task.Delay(50);
        }
    }
}
