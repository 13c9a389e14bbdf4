using Nokor.CivilRegistration.Contracts;

namespace Nokor.CivilRegistration;

/// <summary>
/// Settings of the civil registration module (configuration section <c>CivilRegistration</c>):
/// the legal delays after which a registration is late, the fee table in riel, and limits.
/// </summary>
internal sealed class CivilRegistrationOptions
{
    public const string Section = "CivilRegistration";

    /// <summary>A birth registered more than this many days after it happened is late (Cambodian practice: 30 days).</summary>
    public int BirthLateAfterDays { get; set; } = 30;

    /// <summary>A death registered more than this many days after it happened is late (15 days).</summary>
    public int DeathLateAfterDays { get; set; } = 15;

    /// <summary>Fees in riel. Registration within the legal delay is free.</summary>
    public FeeTable Fees { get; set; } = new();

    /// <summary>Largest scanned annex accepted, in bytes.</summary>
    public long MaxAnnexBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The courts' interface: courts, case number format, largest decision PDF.</summary>
    public Nokor.CivilRegistration.CourtDecisions.CourtDecisionOptions CourtDecisions { get; set; } = new();

    /// <summary>Base address printed in certificate QR codes for the public verification page.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>
    /// An approval intent older than this many seconds is taken as interrupted and finished by the
    /// recovery pass (an approval in progress takes well under a second).
    /// </summary>
    public int ApprovalRecoveryAfterSeconds { get; set; } = 120;

    /// <summary>How often the host looks for interrupted approvals (also once at start).</summary>
    public int ApprovalRecoveryIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// Test only: the approval waits this long between the Population Registry's answer and the
    /// save that approves, and says so on standard output, so a test can kill the host in that
    /// window. Honoured only when the environment variable <c>NOKOR_TEST_HOOKS</c> is <c>1</c>
    /// (never set in production), whatever the configuration says.
    /// </summary>
    public int TestPauseAfterRegistryMilliseconds { get; set; }

    /// <summary>The test pause above when test hooks are switched on in the environment, else 0.</summary>
    internal int EffectiveTestPause =>
        TestPauseAfterRegistryMilliseconds > 0 && Environment.GetEnvironmentVariable("NOKOR_TEST_HOOKS") == "1" ? TestPauseAfterRegistryMilliseconds : 0;

    /// <summary>A marriage registered more than this many days after it was concluded is late (the act is normally drawn up on the day).</summary>
    public int MarriageLateAfterDays { get; set; } = 30;

    /// <summary>The Civil Code's rules for a marriage and its end (section <c>CivilRegistration:Marriage</c>).</summary>
    public MarriageRules Marriage { get; set; } = new();

    /// <summary>
    /// Days after the event beyond which its registration is late, or null for an event registered
    /// from a decision whatever its date (divorce, adoption...): the delay runs from the decision.
    /// </summary>
    public int? LateAfterDays(VitalEvent e) => e switch
    {
        VitalEvent.Birth => BirthLateAfterDays,
        VitalEvent.Death => DeathLateAfterDays,
        VitalEvent.FoetalDeath => DeathLateAfterDays,
        VitalEvent.Marriage => MarriageLateAfterDays,
        _ => null,
    };

    /// <summary>The rules of adoptions (configuration section <c>CivilRegistration:Adoption</c>).</summary>
    public AdoptionRules Adoption { get; set; } = new();

    /// <summary>The rules of foetal deaths (configuration section <c>CivilRegistration:FoetalDeath</c>).</summary>
    public FoetalDeathRules FoetalDeath { get; set; } = new();

    public long LateFee(VitalEvent e) => e switch
    {
        VitalEvent.Birth => Fees.LateBirth,
        VitalEvent.Death or VitalEvent.FoetalDeath => Fees.LateDeath,
        VitalEvent.Marriage => Fees.LateMarriage,
        _ => 0,
    };
}

/// <summary>
/// The rules of the Civil Code of Cambodia (2007), Book 7 (relatives), that the registrar applies to
/// a marriage and to its end; the numbers are configurable, the articles are cited where each is used
/// (<c>Marriages/MarriageValidator</c>, <c>Marriages/EnterDissolution</c>).
/// </summary>
internal sealed class MarriageRules
{
    /// <summary>Art. 948(1): a man and a woman may marry once they are this old.</summary>
    public int MinimumAge { get; set; } = 18;

    /// <summary>
    /// Art. 948(2): a minor of at least this age may marry an adult with the consent of the holder of
    /// parental power (recorded in <c>SpouseDetails.Consent</c>).
    /// </summary>
    public int MinimumAgeWithConsent { get; set; } = 16;

    /// <summary>Art. 948(2): the exception for a minor holds only when the other spouse is of age.</summary>
    public bool MinorMustMarryAnAdult { get; set; } = true;

    /// <summary>Art. 950: collateral relatives by blood within this degree may not marry (third degree: uncle and niece).</summary>
    public int ProhibitedCollateralDegree { get; set; } = 3;

    /// <summary>Art. 950: lineal relatives by blood may not marry, whatever the degree; the registry looks this many generations far.</summary>
    public int ProhibitedLinealGenerations { get; set; } = 6;

    /// <summary>Art. 951: lineal relatives by affinity (a former spouse's parent or child) may not marry.</summary>
    public bool AffinityProhibited { get; set; } = true;

    /// <summary>Art. 952: the adoptive parent and the adoptee (and their relatives as the article lists) may not marry.</summary>
    public bool AdoptiveProhibited { get; set; } = true;

    /// <summary>
    /// Whether a divorce may be registered from an administrative decision. The Civil Code of
    /// Cambodia (2007), Book 7 chapter on divorce, knows divorce only by a court's judgment: a divorce
    /// by agreement of the spouses too is confirmed by the court; annulment and judicial separation
    /// are court matters as well. So this is
    /// off, and an administrative decision is refused; an office may switch it on only if a law
    /// gives the commune that power. Annulment and separation never take an administrative decision.
    /// </summary>
    public bool AdministrativeDivorce { get; set; }

    /// <summary>
    /// The property regimes a marriage may declare (Book 7, the property of spouses: the statutory
    /// regime unless the spouses agree otherwise by a contract made before the marriage).
    /// </summary>
    public string[] PropertyRegimes { get; set; } = ["Legal", "Separate", "Community", "Contract"];
}

/// <summary>The fee table, in riel.</summary>
internal sealed class FeeTable
{
    public long LateBirth { get; set; } = 4_000;
    public long LateDeath { get; set; } = 4_000;
    public long LateMarriage { get; set; } = 4_000;
    /// <summary>Each certified copy (reprint) of a certificate.</summary>
    public long CertifiedCopy { get; set; } = 2_000;
    /// <summary>An extract delivered on an information request.</summary>
    public long Extract { get; set; } = 2_000;
}

/// <summary>What the law sets for adoptions (NSPI glossary 16), configurable when it changes.</summary>
internal sealed class AdoptionRules
{
    /// <summary>
    /// A full adoption is registered only for a child younger than this many completed years at the
    /// date of the court's decision (NSPI glossary 16: "a child under 8 years of age").
    /// </summary>
    public int FullAdoptionMaxAge { get; set; } = 8;
}

/// <summary>What is registered as a foetal death (stillbirth).</summary>
internal sealed class FoetalDeathRules
{
    /// <summary>
    /// A foetus delivered dead after at least this many completed weeks of gestation is registered
    /// as a foetal death (WHO ICD-10 reporting: 22 weeks; the UN tabulation counts late foetal deaths
    /// from 28 weeks, which the statistics select). An earlier loss is a miscarriage, not registered.
    /// </summary>
    public int MinimumGestationWeeks { get; set; } = 22;

    /// <summary>The longest gestation accepted, in completed weeks (a typing error beyond).</summary>
    public int MaximumGestationWeeks { get; set; } = 45;
}
