namespace Nokor.CivilRegistration.Contracts;

/// <summary>A request to correct a registered record: the whole corrected dossier, the reason and the evidence.</summary>
public sealed record CorrectionRequest
{
    /// <summary>The whole corrected birth dossier (for a birth record).</summary>
    public BirthDossier? Birth { get; init; }
    /// <summary>The whole corrected death dossier (for a death record).</summary>
    public DeathDossier? Death { get; init; }
    /// <summary>The whole corrected marriage dossier (for a marriage record); the spouses' KIDCs and the date stay as registered.</summary>
    public MarriageDossier? Marriage { get; init; }
    /// <summary>The whole corrected dossier of a divorce, annulment or legal separation; the marriage and the effective date stay as registered.</summary>
    public DissolutionDossier? Dissolution { get; init; }
    /// <summary>Why the record is corrected; recorded in its history.</summary>
    public string? Reason { get; init; }
    /// <summary>An annex of the registration holding the evidence (a court decision, a hospital letter).</summary>
    public Guid? EvidenceAnnexId { get; init; }
}

/// <summary>The registrar's decision on a correction.</summary>
/// <param name="Approve">True approves (a new version of the record), false refuses.</param>
/// <param name="Note">The registrar's note; required when refusing.</param>
public sealed record CorrectionDecision(bool Approve, string? Note);
