using Nokor.Population.Contracts;

namespace Nokor.Population.Kidc;

/// <summary>The bulk issuance door: the <see cref="KidcService"/>'s check, for callers outside the module.</summary>
internal sealed class KidcIssuance(KidcService kidcs) : IKidcIssuance
{
    public Task<IReadOnlyList<string>> IssueManyAsync(KidcCategory category, int count, CancellationToken ct) =>
        kidcs.IssueManyAsync(category, count, ct);
}
