using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Nokor.Bench.Crvs;

/// <summary>Bearer tokens per account from POST /api/auth/token, taken again before they expire (30 minutes).</summary>
internal sealed class Tokens(HttpClient http, string password)
{
    private readonly ConcurrentDictionary<string, Task<Token>> _tokens = new(StringComparer.Ordinal);

    private sealed record Token(string Value, long At, TimeSpan Lifetime);

    private sealed record TokenAnswer(string? AccessToken, int ExpiresIn);

    public async Task LoadAsync(IEnumerable<string> users, CancellationToken ct) =>
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (u, _) => await GetAsync(u));

    public async ValueTask<string> GetAsync(string user)
    {
        var task = _tokens.GetOrAdd(user, FetchAsync);
        var token = await task;
        if (Stopwatch.GetElapsedTime(token.At) > token.Lifetime * 0.8)
        {
            var fresh = FetchAsync(user);
            _tokens.TryUpdate(user, fresh, task);
            token = await _tokens[user];
        }

        return token.Value;
    }

    private async Task<Token> FetchAsync(string user)
    {
        // The system account signs in with client credentials (its secret is the bench password).
        using var response = user == Setup.SystemAccount
            ? await http.PostAsJsonAsync("/api/auth/token", new { grantType = "client_credentials", clientId = user, clientSecret = password })
            : await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token for {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(BenchPlan.Json);
        return new Token(answer?.AccessToken ?? throw new InvalidOperationException($"Token for {user}: no accessToken."),
            Stopwatch.GetTimestamp(), TimeSpan.FromSeconds(answer.ExpiresIn > 0 ? answer.ExpiresIn : 1800));
    }
}
