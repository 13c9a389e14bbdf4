using Nokor.Legislation.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Search;

/// <summary>The door to the search index and its failures for the host's pages and commands; it only delegates.</summary>
internal sealed class LegalSearch(LegalSearchIndex index, LegislationDbContext db, IAuditLog audit, TimeProvider clock) : ILegalSearch
{
    public SearchResults Search(SearchQuery query) => index.Search(query);

    public Task<(int Retrying, int SetAside, IReadOnlyList<SearchFailureView> Latest)> FailuresAsync(CancellationToken ct) => ListSearchFailures.HandleAsync(db, ct);

    public Task<Outcome<SearchFailureView>> RetryAsync(Guid textId, Actor actor, CancellationToken ct) => RetrySearchFailure.HandleAsync(textId, actor, db, audit, clock, ct);
}
