using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Credentials;

/// <summary>An institution's contract as the query path reads it.</summary>
internal sealed record ClientContract(
    Guid InstitutionId,
    string InstitutionCode,
    string InstitutionName,
    InstitutionStatus Status,
    string? XRoadClient,
    string Reference,
    IReadOnlySet<string> Purposes,
    IReadOnlySet<string> QueryTypes,
    IReadOnlySet<string> Attributes,
    long MonthlyQuota,
    long PriceVerify,
    long PriceAttributes,
    long PriceBulkRow,
    DateOnly StartsOn,
    DateOnly EndsOn)
{
    public long PriceOf(string queryType) => queryType switch
    {
        Contracts.QueryTypes.Verify => PriceVerify,
        Contracts.QueryTypes.Attributes => PriceAttributes,
        _ => PriceBulkRow,
    };

    public static ClientContract From(InstitutionEntity i, ContractEntity c) => new(
        i.Id, i.Code, i.Name, i.Status, i.XRoadClient, c.Reference,
        Split(c.Purposes), Split(c.QueryTypes), Split(c.Attributes),
        c.MonthlyQuota, c.PriceVerify, c.PriceAttributes, c.PriceBulkRow, c.StartsOn, c.EndsOn);

    public static IReadOnlySet<string> Split(string list) => List(list).ToHashSet(StringComparer.Ordinal);

    /// <summary>A stored comma-separated list in its stored order.</summary>
    public static string[] List(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A credential's state and its institution's contract, as cached for the query path.</summary>
internal sealed record ClientEntry(Guid CredentialId, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, ClientContract? Contract);

/// <summary>
/// Credentials and contracts for the query path, cached for <see cref="Ttl"/> so that a query costs
/// no database read for them. A change made on this host (revocation, contract edit) clears the
/// cache at once; other hosts see it within <see cref="Ttl"/>.
/// </summary>
internal sealed class ClientDirectory(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (ClientEntry? Entry, DateTimeOffset Until)> _cache = new();

    public async ValueTask<ClientEntry?> GetAsync(Guid credentialId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(credentialId, out var cached) && cached.Until > now)
        {
            return cached.Entry;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == credentialId, ct);
        ClientEntry? entry = null;
        if (credential is not null)
        {
            var institution = await db.Institutions.AsNoTracking().Include(i => i.Contract)
                .FirstOrDefaultAsync(i => i.Id == credential.InstitutionId, ct);
            var contract = institution?.Contract is null ? null : ClientContract.From(institution, institution.Contract);
            entry = new ClientEntry(credential.Id, credential.ExpiresAt, credential.RevokedAt, contract);
        }

        _cache[credentialId] = (entry, now + Ttl);
        return entry;
    }

    public void Invalidate() => _cache.Clear();
}
