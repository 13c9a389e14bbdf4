using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Contracts;

/// <summary>
/// The bill tracking system for the pages and commands of a host (E-Senate master plan VI.5,
/// Priority Objective 2, Activity 1 B.3-4): the same use cases the HTTP endpoints run.
/// </summary>
public interface IBillBook
{
    /// <summary>Registers a law received from the National Assembly, with its text; the review period of Article 113 starts on the day of receipt.</summary>
    Task<Outcome<BillView>> RegisterAsync(RegisterBillRequest request, Actor actor, CancellationToken ct);

    /// <summary>Bills, newest first; <paramref name="open"/> keeps those still under review.</summary>
    Task<IReadOnlyList<BillSummary>> ListAsync(bool open, BillStage? stage, int page, int size, CancellationToken ct);

    /// <summary>How many bills are at each stage (stages without a bill are left out).</summary>
    Task<IReadOnlyDictionary<BillStage, int>> CountByStageAsync(CancellationToken ct);

    /// <summary>A bill with its stages, documents and versions, or null.</summary>
    Task<BillView?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>A bill by its number (e.g. "2026/0001"), or null.</summary>
    Task<BillView?> GetByNumberAsync(string number, CancellationToken ct);

    /// <summary>
    /// Records the next stage of a bill, dated and attributed. <paramref name="expectedRevision"/>
    /// (when given) refuses the change if the bill changed since it was loaded.
    /// </summary>
    Task<Outcome<BillView>> RecordStageAsync(Guid billId, RecordStageRequest request, int? expectedRevision, Actor actor, CancellationToken ct);

    /// <summary>The bill's current version read back as a text, or null when it has none.</summary>
    Task<LegalText?> CurrentTextAsync(BillView bill, CancellationToken ct);

    /// <summary>Senators' comments on the bill in article order (of one article when <paramref name="articleEId"/> is given).</summary>
    Task<IReadOnlyList<CommentView>> CommentsAsync(Guid billId, string? articleEId, CancellationToken ct);

    /// <summary>A senator comments on one article of the draft.</summary>
    Task<Outcome<CommentView>> CommentAsync(Guid billId, CommentRequest request, Actor actor, CancellationToken ct);

    /// <summary>The commission (its chair, vice-chair or secretary) or the Secretariat answers a comment.</summary>
    Task<Outcome<CommentView>> AnswerAsync(Guid billId, Guid commentId, AnswerRequest request, Actor actor, CancellationToken ct);
}

/// <summary>
/// The legal database for the pages and commands of a host (master plan VI.5, Priority Objective
/// 2, Activity 1 B.1-2): laws and the Constitution, their point-in-time versions, every text in
/// Akoma Ntoso.
/// </summary>
public interface ILegalDatabase
{
    /// <summary>Enters a law (or the Constitution) in the legal database, or its English translation.</summary>
    Task<Outcome<ActView>> ImportActAsync(ImportActRequest request, Actor actor, CancellationToken ct);

    /// <summary>Laws, newest first (<paramref name="subtype"/> "constitution" for the Constitution).</summary>
    Task<IReadOnlyList<ActSummary>> ListActsAsync(string? subtype, int page, int size, CancellationToken ct);

    /// <summary>A law with its versions and amendments, or null.</summary>
    Task<ActView?> GetActAsync(string workUri, CancellationToken ct);

    /// <summary>
    /// The text a URI names, rendered as HTML: an expression URI names one expression; a work URI
    /// the version in force on <paramref name="asOf"/> (default today) in <paramref name="language"/>
    /// (default Khmer). Null when there is none.
    /// </summary>
    Task<RenderedText?> RenderTextAsync(string uri, string? language, DateOnly? asOf, CancellationToken ct);

    /// <summary>The text a URI names (as <see cref="RenderTextAsync"/>) as Akoma Ntoso XML, checked against the schema; null when there is none.</summary>
    Task<ExportedText?> ExportTextAsync(string uri, string? language, DateOnly? asOf, CancellationToken ct);

    /// <summary>Compares two versions of a text article by article.</summary>
    Task<Outcome<TextComparison>> CompareAsync(string fromUri, string toUri, CancellationToken ct);

    /// <summary>Adds <paramref name="count"/> synthetic acts (fictional texts, for benchmarks); returns how many were new.</summary>
    Task<int> GenerateActsAsync(int count, int seed, IProgress<int>? progress, CancellationToken ct);
}

/// <summary>Full-text search over every text of the legal database and every bill, Khmer and English.</summary>
public interface ILegalSearch
{
    /// <summary>The deepest hit a search may page to.</summary>
    const int MaxResultWindow = 1000;

    /// <summary>One page of hits, best first.</summary>
    SearchResults Search(SearchQuery query);

    /// <summary>How many texts failed to index (retrying, set aside) and the latest failures.</summary>
    Task<(int Retrying, int SetAside, IReadOnlyList<SearchFailureView> Latest)> FailuresAsync(CancellationToken ct);

    /// <summary>Queues a text that failed to index again, with a fresh count of attempts. Audited.</summary>
    Task<Outcome<SearchFailureView>> RetryAsync(Guid textId, Actor actor, CancellationToken ct);
}

/// <summary>The Senate's composition: legislatures, senators, the Permanent Committee and the commissions.</summary>
public interface ISenateRoster
{
    /// <summary>The number of the legislature in office today, or null.</summary>
    Task<int?> CurrentLegislatureAsync(CancellationToken ct);

    /// <summary>True when the actor is a senator whose mandate runs today.</summary>
    Task<bool> IsSenatorAsync(Actor actor, CancellationToken ct);

    /// <summary>True when the actor is a senator who chairs, vice-chairs or is secretary of the body today.</summary>
    Task<bool> LeadsAsync(Actor actor, Guid bodyId, CancellationToken ct);

    /// <summary>The senators of the current legislature, with their seat and bodies.</summary>
    Task<IReadOnlyList<SenatorView>> SenatorsAsync(CancellationToken ct);

    /// <summary>The Permanent Committee and the commissions of the current legislature, with their members.</summary>
    Task<IReadOnlyList<BodyView>> BodiesAsync(CancellationToken ct);

    /// <summary>Registers a senator with a mandate (and links their staff account).</summary>
    Task<Outcome<SenatorView>> AddSenatorAsync(NewSenatorRequest request, Actor actor, CancellationToken ct);

    /// <summary>Ends a senator's mandate early (and their seats on bodies), with the reason.</summary>
    Task<Outcome<SenatorView>> EndMandateAsync(Guid senatorId, EndMandateRequest request, Actor actor, CancellationToken ct);

    /// <summary>A senator joins a body in a role.</summary>
    Task<Outcome<BodyView>> AddMemberAsync(string bodyCode, MembershipRequest request, Actor actor, CancellationToken ct);

    /// <summary>A senator leaves a body (or its chair) after the given day.</summary>
    Task<Outcome<BodyView>> EndMembershipAsync(string bodyCode, EndMembershipRequest request, Actor actor, CancellationToken ct);
}

/// <summary>The seats of the Senate (62 in the 5th legislature: 58 elected, 2 + 2 appointed).</summary>
public static class SenateSeats
{
    /// <summary>Seats per kind.</summary>
    public static readonly IReadOnlyDictionary<SeatKind, int> ByKind = new Dictionary<SeatKind, int>
    {
        [SeatKind.Elected] = 58,
        [SeatKind.AppointedByKing] = 2,
        [SeatKind.ElectedByNationalAssembly] = 2,
    };
}

/// <summary>A stored expression as a page shows it: what it is, and its text as an HTML fragment with a table of contents.</summary>
/// <param name="Id">The stored expression's id.</param>
/// <param name="WorkUri">The FRBR work URI.</param>
/// <param name="ExpressionUri">The FRBR expression URI.</param>
/// <param name="Language">"khm" or "eng".</param>
/// <param name="ValidFrom">The first day this version is the law.</param>
/// <param name="ValidTo">The day it stopped being the law, or null while in force.</param>
/// <param name="VersionLabel">What the version is (e.g. "As promulgated").</param>
/// <param name="ActId">The law it belongs to, or null.</param>
/// <param name="BillId">The bill it belongs to, or null.</param>
/// <param name="Html">Rendered by the module; every piece of text is encoded and nothing executable is emitted.</param>
public sealed record RenderedText(
    Guid Id,
    string WorkUri,
    string ExpressionUri,
    string Language,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string? VersionLabel,
    Guid? ActId,
    Guid? BillId,
    string Html);

/// <summary>A stored expression as Akoma Ntoso 3.0 XML, with the schema's complaints (none when it validates).</summary>
public sealed record ExportedText(string ExpressionUri, string Xml, IReadOnlyList<string> SchemaProblems);
