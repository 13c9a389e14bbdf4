using Nokor.Legislation.Akn;
using Nokor.Legislation.Contracts;

namespace Nokor.Legislation.Data;

internal sealed class LegislatureEntity
{
    public int Number { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
}

internal sealed class SenatorEntity
{
    public Guid Id { get; set; }
    public required string NameKm { get; set; }
    public required string NameLatin { get; set; }
    /// <summary>The staff account the senator signs in with, if any.</summary>
    public string? StaffUserId { get; set; }
}

internal sealed class MandateEntity
{
    public Guid Id { get; set; }
    public Guid SenatorId { get; set; }
    public int Legislature { get; set; }
    public SeatKind Seat { get; set; }
    /// <summary>The electoral region for an elected senator.</summary>
    public string? Constituency { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? EndReason { get; set; }
}

internal sealed class BodyEntity
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public BodyKind Kind { get; set; }
    public int? Number { get; set; }
    public required string NameKm { get; set; }
    public required string NameEn { get; set; }
    public int Legislature { get; set; }
}

internal sealed class BodyMemberEntity
{
    public Guid Id { get; set; }
    public Guid BodyId { get; set; }
    public Guid SenatorId { get; set; }
    public MemberRole Role { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
}

internal sealed class BillEntity
{
    public Guid Id { get; set; }
    /// <summary>The Senate's registry number, e.g. 2026/0014.</summary>
    public required string Number { get; set; }
    public required string WorkUri { get; set; }
    public required string TitleKm { get; set; }
    public string? TitleEn { get; set; }
    public bool IsUrgent { get; set; }
    public bool IsBudget { get; set; }
    public DateOnly AssemblyAdoptedOn { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DeadlineOn { get; set; }
    public int Round { get; set; }
    public BillStage Stage { get; set; }
    public BillDecision? Decision { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public Guid? CommissionId { get; set; }
    /// <summary>The bill version senators comment on now.</summary>
    public Guid? CurrentTextId { get; set; }
    public Guid? ActId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Revision { get; set; }
}

internal sealed class BillEventEntity
{
    public long Id { get; set; }
    public Guid BillId { get; set; }
    public int Round { get; set; }
    public BillStage Stage { get; set; }
    public DateOnly OccurredOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? Note { get; set; }
    public Guid? BodyId { get; set; }
    public BillDecision? Decision { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstaining { get; set; }
    public Guid? TextId { get; set; }
}

internal sealed class BillDocumentEntity
{
    public Guid Id { get; set; }
    public Guid BillId { get; set; }
    public long? EventId { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public required string AddedBy { get; set; }
}

internal sealed class BillCounterEntity
{
    public int Year { get; set; }
    public int Last { get; set; }
}

/// <summary>A law in the legal database (an AKN work); its texts are <see cref="TextEntity"/> expressions.</summary>
internal sealed class ActEntity
{
    public Guid Id { get; set; }
    public required string WorkUri { get; set; }
    public string? Subtype { get; set; }
    public required string Number { get; set; }
    public DateOnly Date { get; set; }
    public required string TitleKm { get; set; }
    public string? TitleEn { get; set; }
    public DateOnly? PromulgatedOn { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? GazetteReference { get; set; }
    public Guid? BillId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>One AKN expression: a bill version or a law as it stood from a date, in one language.</summary>
internal sealed class TextEntity
{
    public Guid Id { get; set; }
    public required string WorkUri { get; set; }
    public required string ExpressionUri { get; set; }
    public AknDocType DocType { get; set; }
    public required string Language { get; set; }
    public DateOnly? VersionDate { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public required string Title { get; set; }
    public string? VersionLabel { get; set; }
    public required string Xml { get; set; }
    public required string Sha256 { get; set; }
    public Guid? ActId { get; set; }
    public Guid? BillId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class TextArticleEntity
{
    public Guid TextId { get; set; }
    public required string EId { get; set; }
    public int Ordinal { get; set; }
    public required string Num { get; set; }
    public string? Heading { get; set; }
    public required string Text { get; set; }
}

/// <summary>An amending law's change to one article of another law, effective from a date.</summary>
internal sealed class AmendmentEntity
{
    public Guid Id { get; set; }
    public Guid AmendingActId { get; set; }
    public Guid TargetActId { get; set; }
    public required string TargetEId { get; set; }
    public AmendmentKind Kind { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public Guid ResultTextId { get; set; }
}

internal sealed class CommentEntity
{
    public Guid Id { get; set; }
    public Guid BillId { get; set; }
    public Guid TextId { get; set; }
    public required string ArticleEId { get; set; }
    public Guid SenatorId { get; set; }
    public required string AuthorId { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? AnswerBodyId { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>The outbox the search index follows: one row per text written or changed.</summary>
internal sealed class TextChangeEntity
{
    public long Id { get; set; }
    public Guid TextId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A text the search feeder could not index (too large, unreadable, refused by the index): the
/// feeder retries it through the outbox until <see cref="Attempts"/> reaches the configured
/// limit, then sets it aside (<see cref="SetAsideAt"/>) and goes on with later texts. Staff see
/// the set-aside texts on the search status and can queue one again after a fix.
/// </summary>
internal sealed class SearchFailureEntity
{
    public Guid TextId { get; set; }
    public required string ExpressionUri { get; set; }
    public int Attempts { get; set; }

    /// <summary>What went wrong, about the document only (no personal data).</summary>
    public required string Reason { get; set; }

    public DateTimeOffset FirstFailedAt { get; set; }
    public DateTimeOffset LastFailedAt { get; set; }
    public DateTimeOffset? SetAsideAt { get; set; }
}
