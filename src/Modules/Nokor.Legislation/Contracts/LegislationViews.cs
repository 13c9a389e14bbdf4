namespace Nokor.Legislation.Contracts;

/// <summary>A law received from the National Assembly.</summary>
/// <param name="TitleKm">The title in Khmer.</param>
/// <param name="TitleEn">The English title, if any.</param>
/// <param name="AssemblyAdoptedOn">The day the National Assembly adopted it.</param>
/// <param name="ReceivedOn">The day the Senate received it (the review period counts from it).</param>
/// <param name="Urgent">Declared urgent: five days instead of one month (Article 113).</param>
/// <param name="Budget">The budget law (the law on financial management for the year).</param>
/// <param name="Text">The text as adopted by the Assembly, as structured plain text (chapters, articles, paragraphs), or AKN XML.</param>
/// <param name="TextEn">An English translation, as structured plain text or AKN XML, if any.</param>
public sealed record RegisterBillRequest(
    string? TitleKm,
    string? TitleEn,
    DateOnly? AssemblyAdoptedOn,
    DateOnly? ReceivedOn,
    bool Urgent,
    bool Budget,
    string? Text,
    string? TextEn);

/// <summary>One stage of a bill, recorded by the Secretariat.</summary>
/// <param name="Stage">The stage reached.</param>
/// <param name="OccurredOn">When it happened (not in the future, not before the previous stage).</param>
/// <param name="Note">What happened, in a sentence or two.</param>
/// <param name="Commission">For a referral: the code of the commission (e.g. "commission-2").</param>
/// <param name="Decision">For the decision stage: the Senate's decision.</param>
/// <param name="VotesFor">For the plenary vote.</param>
/// <param name="VotesAgainst">For the plenary vote.</param>
/// <param name="VotesAbstaining">For the plenary vote.</param>
/// <param name="Text">A new version of the text that comes with this stage (the commission's or the Senate's proposed amendments, the Assembly's second reading), as structured plain text or AKN XML.</param>
/// <param name="ReceivedOn">For a new round (stage Received after the Assembly's second reading): the day the Senate received the law again.</param>
/// <param name="LawNumber">For promulgation: the number of the royal kram (e.g. NS/RKM/0524/012).</param>
/// <param name="GazetteReference">For publication: the official gazette's number.</param>
/// <param name="TextEn">The English translation of the new version in <paramref name="Text"/>, if any (only with it).</param>
public sealed record RecordStageRequest(
    BillStage? Stage,
    DateOnly? OccurredOn,
    string? Note,
    string? Commission,
    BillDecision? Decision,
    int? VotesFor,
    int? VotesAgainst,
    int? VotesAbstaining,
    string? Text,
    DateOnly? ReceivedOn,
    string? LawNumber,
    string? GazetteReference,
    string? TextEn = null);

public sealed record BodyRef(Guid Id, string Code, string NameKm, string NameEn);

public sealed record BillEventView(
    long Id,
    int Round,
    BillStage Stage,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    string ActorName,
    string? Note,
    BodyRef? Body,
    BillDecision? Decision,
    int? VotesFor,
    int? VotesAgainst,
    int? VotesAbstaining,
    string? TextUri,
    IReadOnlyList<BillDocumentView> Documents);

public sealed record BillDocumentView(Guid Id, string Kind, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset AddedAt);

public sealed record BillVersionView(Guid TextId, string ExpressionUri, string Language, DateOnly ValidFrom, string? Label, int Articles);

public sealed record BillSummary(
    Guid Id,
    string Number,
    string WorkUri,
    string TitleKm,
    string? TitleEn,
    ReviewProcedure Procedure,
    DateOnly ReceivedOn,
    int Round,
    BillStage Stage,
    BillDecision? Decision,
    DeadlineStatus Deadline,
    BodyRef? Commission);

public sealed record BillView(
    Guid Id,
    string Number,
    string WorkUri,
    string TitleKm,
    string? TitleEn,
    ReviewProcedure Procedure,
    bool Urgent,
    bool Budget,
    DateOnly AssemblyAdoptedOn,
    DateOnly ReceivedOn,
    int Round,
    BillStage Stage,
    BillDecision? Decision,
    DateOnly? DecidedOn,
    DeadlineStatus Deadline,
    BodyRef? Commission,
    Guid? CurrentTextId,
    string? ActWorkUri,
    IReadOnlyList<BillStage> NextStages,
    IReadOnlyList<BillEventView> Events,
    IReadOnlyList<BillVersionView> Versions,
    int Comments,
    int Revision,
    IReadOnlyList<BillDocumentView> Documents);

public sealed record CommentRequest(string? ArticleEId, string? Body);

public sealed record AnswerRequest(string? Answer);

public sealed record CommentView(
    Guid Id,
    string ArticleEId,
    string? ArticleNum,
    string SenatorNameKm,
    string SenatorNameLatin,
    string Body,
    DateTimeOffset CreatedAt,
    string TextUri,
    BodyRef? AnswerBody,
    string? Answer,
    DateTimeOffset? AnsweredAt);

public sealed record SenatorView(Guid Id, string NameKm, string NameLatin, SeatKind? Seat, string? Constituency, IReadOnlyList<string> Bodies, bool HasAccount);

public sealed record BodyView(Guid Id, string Code, BodyKind Kind, int? Number, string NameKm, string NameEn, IReadOnlyList<BodyMemberView> Members);

public sealed record BodyMemberView(Guid SenatorId, string NameKm, string NameLatin, MemberRole Role);

/// <summary>A law for the legal database.</summary>
/// <param name="Text">The text as structured plain text or AKN XML.</param>
/// <param name="Number">The work number in the FRBR URI (lower-case letters, digits, hyphens; e.g. "ns-rkm-0524-012"), or empty to derive it.</param>
/// <param name="Date">The work's date (promulgation).</param>
/// <param name="Subtype">Optional subtype, e.g. "constitution".</param>
/// <param name="Language">"khm" (default, the original) or "eng".</param>
/// <param name="ValidFrom">The day the text takes effect (default: the work's date).</param>
/// <param name="TitleEn">The English title.</param>
/// <param name="PublishedOn">The day of publication in the official gazette.</param>
/// <param name="GazetteReference">The gazette's number.</param>
public sealed record ImportActRequest(
    string? Text,
    string? Number,
    DateOnly? Date,
    string? Subtype,
    string? Language,
    DateOnly? ValidFrom,
    string? TitleEn,
    DateOnly? PublishedOn,
    string? GazetteReference);

/// <summary>One change an amending law makes to an article of another law.</summary>
/// <param name="ArticleEId">The article of the amended law (e.g. "art_12"); for an insertion, the eId the new article takes.</param>
/// <param name="Kind">Replace, Insert or Repeal.</param>
/// <param name="Text">The new article as structured plain text ("Article 12 (new)" then its paragraphs); not for a repeal.</param>
/// <param name="After">For an insertion: the eId of the article it follows (empty: at the end).</param>
public sealed record ArticleChange(string? ArticleEId, Contracts.AmendmentKind? Kind, string? Text, string? After);

/// <summary>An amending law's changes to another law, effective from a date.</summary>
public sealed record AmendActRequest(string? AmendingWorkUri, DateOnly? EffectiveOn, IReadOnlyList<ArticleChange>? Changes, string? TextEn);

public sealed record ActSummary(Guid Id, string WorkUri, string? Subtype, string TitleKm, string? TitleEn, DateOnly Date, DateOnly? PublishedOn, int Versions);

public sealed record TextVersionView(Guid TextId, string ExpressionUri, string Language, DateOnly ValidFrom, DateOnly? ValidTo, string? Label);

public sealed record AmendmentView(string AmendingWorkUri, string AmendingTitle, string TargetEId, AmendmentKind Kind, DateOnly EffectiveOn, string ResultExpressionUri);

public sealed record ActView(
    Guid Id,
    string WorkUri,
    string? Subtype,
    string TitleKm,
    string? TitleEn,
    DateOnly Date,
    DateOnly? PromulgatedOn,
    DateOnly? PublishedOn,
    string? GazetteReference,
    string? BillNumber,
    IReadOnlyList<TextVersionView> Versions,
    IReadOnlyList<AmendmentView> Amendments,
    IReadOnlyList<AmendmentView> Amends);

public sealed record ArticleView(string EId, string Num, string? Heading, string Text);

/// <summary>One expression as JSON: its metadata and its articles.</summary>
public sealed record TextView(
    Guid Id,
    string WorkUri,
    string ExpressionUri,
    string DocType,
    string Language,
    string Title,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string? Label,
    IReadOnlyList<ArticleView> Articles);
