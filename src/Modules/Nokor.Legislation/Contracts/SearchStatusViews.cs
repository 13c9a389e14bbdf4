namespace Nokor.Legislation.Contracts;

/// <summary>A text the search feeder set aside (or is still retrying).</summary>
/// <param name="TextId">The stored expression's id (the one to queue again).</param>
/// <param name="ExpressionUri">Its FRBR expression URI, e.g. /akn/kh/act/2024-05-01/12/khm@.</param>
/// <param name="Attempts">How many times indexing it failed.</param>
/// <param name="Reason">The last failure, about the document only.</param>
/// <param name="FirstFailedAt">When it first failed.</param>
/// <param name="LastFailedAt">When it last failed.</param>
/// <param name="SetAsideAt">When it was set aside; null while it is still retried.</param>
public sealed record SearchFailureView(
    Guid TextId,
    string ExpressionUri,
    int Attempts,
    string Reason,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt,
    DateTimeOffset? SetAsideAt);

/// <summary>
/// The search feeder of this host: how far its index follows the database, and the texts it could
/// not index.
/// </summary>
/// <param name="State">"rebuilding" (no cursor yet), "following", or "failing" (the last three passes or more failed as a whole).</param>
/// <param name="Texts">Expressions in the database.</param>
/// <param name="Indexed">Expressions in this host's index.</param>
/// <param name="Articles">Index documents (articles plus one per expression).</param>
/// <param name="Cursor">The outbox position the index has applied (null while it rebuilds).</param>
/// <param name="Pending">Expressions changed in the database and not yet applied to the index.</param>
/// <param name="Retrying">Expressions that failed to index and will be tried again.</param>
/// <param name="SetAsideCount">Expressions set aside after failing every attempt.</param>
/// <param name="MaxAttempts">Attempts before an expression is set aside.</param>
/// <param name="Failures">The set-aside and retrying expressions, latest failure first (at most 100).</param>
/// <param name="LastSuccess">When this host's last pass completed.</param>
/// <param name="LastFailure">When a pass last failed as a whole.</param>
/// <param name="LastError">The kind of that failure.</param>
public sealed record SearchFeederStatus(
    string State,
    int Texts,
    int Indexed,
    int Articles,
    long? Cursor,
    int Pending,
    int Retrying,
    int SetAsideCount,
    int MaxAttempts,
    IReadOnlyList<SearchFailureView> Failures,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastError);
