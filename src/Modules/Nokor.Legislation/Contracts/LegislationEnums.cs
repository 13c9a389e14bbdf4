namespace Nokor.Legislation.Contracts;

/// <summary>
/// How a senator holds the seat (Constitution, Article 100 as amended in 1999: most senators are
/// elected by the commune/sangkat councillors, two are appointed by the King and two are elected
/// by the National Assembly).
/// </summary>
public enum SeatKind
{
    Elected,
    AppointedByKing,
    ElectedByNationalAssembly,
}

public enum BodyKind
{
    /// <summary>The Permanent Committee: the President, the Vice-Presidents and the commission chairs.</summary>
    PermanentCommittee,

    /// <summary>A specialized commission (a "mini Senate" that studies draft laws, master plan III.1).</summary>
    Commission,
}

public enum MemberRole
{
    Chair,
    ViceChair,
    Secretary,
    Member,
}

/// <summary>
/// The stages of a law in the Senate (Constitution, Article 113), in their usual order. A bill may
/// go round more than once: after the Senate proposes amendments or rejects, the National
/// Assembly reads the law again and may send it back, which starts a new round at <see cref="Received"/>.
/// </summary>
public enum BillStage
{
    Received,
    PermanentCommittee,
    ReferredToCommission,
    CommissionReview,
    CommissionReport,
    PlenaryDebate,
    PlenaryVote,
    Decision,
    ReturnedToAssembly,
    AssemblySecondReading,
    Promulgated,
    Published,
}

/// <summary>What the Senate decides on a law (Article 113).</summary>
public enum BillDecision
{
    ApprovedWithoutAmendment,
    ApprovedWithAmendments,
    Rejected,
}

/// <summary>How a bill's review period is set (Article 113: one month, five days when urgent).</summary>
public enum ReviewProcedure
{
    Normal,
    Urgent,
    Budget,
}

public enum AmendmentKind
{
    /// <summary>The article is replaced by a new wording ("new Article N").</summary>
    Replace,

    /// <summary>A new article is inserted.</summary>
    Insert,

    /// <summary>The article is repealed.</summary>
    Repeal,
}
