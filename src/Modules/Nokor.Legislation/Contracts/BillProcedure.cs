namespace Nokor.Legislation.Contracts;

/// <summary>
/// Which stage may follow which (Constitution, Article 113, and the Senate's practice): the
/// Permanent Committee takes a received law and refers it to a specialized commission; the
/// commission reviews and reports; the Permanent Committee puts it on the plenary's agenda; the
/// plenary debates, votes and decides; the law goes back to the National Assembly, which may read
/// it again and send it back (a new round), and is then promulgated by the King and published. A
/// law on which the Senate has not decided when its period ends may be promulgated without its
/// opinion. Each round has exactly one decision.
/// </summary>
public static class BillProcedure
{
    private static readonly Dictionary<BillStage, BillStage[]> Next = new()
    {
        [BillStage.Received] = [BillStage.PermanentCommittee, BillStage.ReferredToCommission],
        [BillStage.PermanentCommittee] = [BillStage.ReferredToCommission, BillStage.PlenaryDebate],
        [BillStage.ReferredToCommission] = [BillStage.CommissionReview, BillStage.CommissionReport],
        [BillStage.CommissionReview] = [BillStage.CommissionReport],
        [BillStage.CommissionReport] = [BillStage.PermanentCommittee, BillStage.PlenaryDebate],
        [BillStage.PlenaryDebate] = [BillStage.PlenaryVote],
        [BillStage.PlenaryVote] = [BillStage.Decision],
        [BillStage.Decision] = [BillStage.ReturnedToAssembly],
        [BillStage.ReturnedToAssembly] = [BillStage.AssemblySecondReading, BillStage.Promulgated],
        [BillStage.AssemblySecondReading] = [BillStage.Received, BillStage.Promulgated],
        [BillStage.Promulgated] = [BillStage.Published],
        [BillStage.Published] = [],
    };

    /// <summary>Stages before the Senate's decision in a round: the review period runs during them.</summary>
    public static readonly BillStage[] UnderReview = Enum.GetValues<BillStage>().Where(s => s < BillStage.Decision).ToArray();

    /// <summary>True for a stage before the Senate's decision in a round.</summary>
    public static bool IsUnderReview(BillStage stage) => stage < BillStage.Decision;

    /// <summary>The stages that may be recorded next.</summary>
    public static IReadOnlyList<BillStage> NextStages(BillStage current, BillDecision? decision, bool periodPassed)
    {
        var next = Next[current].ToList();
        if (current == BillStage.ReturnedToAssembly && decision == BillDecision.ApprovedWithoutAmendment)
        {
            // Nothing for the Assembly to read again: the law goes to the King.
            next.Remove(BillStage.AssemblySecondReading);
        }

        if (IsUnderReview(current) && periodPassed)
        {
            next.Add(BillStage.Promulgated);
        }

        return next;
    }
}
