using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;

namespace Nokor.Legislation.Search;

/// <summary>
/// The texts the search feeder could not index, from the database alone (the command line reads
/// them without opening the index a running host holds). They hold only FRBR URIs of laws and
/// bills, which are public, and reasons about documents.
/// </summary>
internal static class ListSearchFailures
{
    /// <summary>At most this many failures are listed.</summary>
    public const int MaxListed = 100;

    /// <summary>How many are retried and set aside, and the latest failures (at most <see cref="MaxListed"/>).</summary>
    public static async Task<(int Retrying, int SetAside, IReadOnlyList<SearchFailureView> Latest)> HandleAsync(LegislationDbContext db, CancellationToken ct)
    {
        var setAside = await db.SearchFailures.CountAsync(f => f.SetAsideAt != null, ct);
        var retrying = await db.SearchFailures.CountAsync(f => f.SetAsideAt == null, ct);
        var latest = await db.SearchFailures.AsNoTracking()
            .OrderByDescending(f => f.LastFailedAt).ThenBy(f => f.TextId).Take(MaxListed)
            .Select(f => new SearchFailureView(f.TextId, f.ExpressionUri, f.Attempts, f.Reason, f.FirstFailedAt, f.LastFailedAt, f.SetAsideAt))
            .ToListAsync(ct);
        return (retrying, setAside, latest);
    }
}
