using Microsoft.Extensions.Options;
using Nokor.Legislation.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Texts;

/// <summary>The door to the legal database's use cases for the host's pages and commands; it only delegates.</summary>
internal sealed class LegalDatabase(
    LegislationDbContext db,
    LegalTexts texts,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<LegislationOptions> options,
    IServiceProvider services) : ILegalDatabase
{
    public Task<Outcome<ActView>> ImportActAsync(ImportActRequest request, Actor actor, CancellationToken ct) =>
        ImportAct.HandleAsync(request, actor, db, texts, audit, clock, options.Value, ct);

    public Task<IReadOnlyList<ActSummary>> ListActsAsync(string? subtype, int page, int size, CancellationToken ct) =>
        ListActs.HandleAsync(subtype, page, size, db, ct);

    public Task<ActView?> GetActAsync(string workUri, CancellationToken ct) => texts.GetActAsync(workUri, ct);

    public Task<RenderedText?> RenderTextAsync(string uri, string? language, DateOnly? asOf, CancellationToken ct) =>
        ShowText.HandleAsync(uri, language, asOf, texts, ct);

    public Task<ExportedText?> ExportTextAsync(string uri, string? language, DateOnly? asOf, CancellationToken ct) =>
        ExportText.HandleAsync(uri, language, asOf, texts, ct);

    public Task<Outcome<TextComparison>> CompareAsync(string fromUri, string toUri, CancellationToken ct) =>
        CompareTexts.HandleAsync(fromUri, toUri, db, texts, ct);

    /// <summary>Records an amending law's changes (for the demonstration data and the tests; hosts call the endpoint).</summary>
    public Task<Outcome<ActView>> AmendAsync(string targetWorkUri, AmendActRequest request, Actor actor, CancellationToken ct) =>
        AmendAct.HandleAsync(targetWorkUri, request, actor, db, texts, audit, clock, options.Value, ct);

    /// <summary>The stored text a URI names (see <see cref="LegalTexts.ResolveAsync"/>).</summary>
    public Task<TextEntity?> ResolveAsync(string uri, string? language, DateOnly? asOf, CancellationToken ct) => texts.ResolveAsync(uri, language, asOf, ct);

    /// <summary>A stored text as its JSON view.</summary>
    public Task<TextView> ToViewAsync(TextEntity text, CancellationToken ct) => GetText.ToViewAsync(text, db, ct);

    public Task<int> GenerateActsAsync(int count, int seed, IProgress<int>? progress, CancellationToken ct) =>
        ActGeneration.RunAsync(services, count, seed, progress, ct);
}
