namespace Nokor.CivilRegistration.Contracts;

// The dossiers of the vital events beyond birth and death (NSPI glossary 11 and 16, 6.1: the
// marriage registry beside the birth and death registries). As for births and deaths, fields are
// text on the way in so that every bad value is answered with a field error, and the stored dossier
// holds the normalized values. A person already in the Population Registry is named by KIDC and by
// the names and date of birth the clerk typed; the registry confirms them (DossierValidator.NotConfirmed).

/// <summary>A marriage as declared before the registrar (Civil Code of Cambodia, Book 7, Chapter 2).</summary>
public sealed record MarriageDossier
{
    public SpouseDetails? Husband { get; init; }
    public SpouseDetails? Wife { get; init; }
    /// <summary>yyyy-MM-dd: the date the marriage is concluded before the registrar.</summary>
    public string? MarriageDate { get; init; }
    /// <summary>Gazetteer village (or commune) code where it is concluded.</summary>
    public string? MarriagePlaceCode { get; init; }
    /// <summary>Two witnesses of age.</summary>
    public IReadOnlyList<WitnessDetails>? Witnesses { get; init; }
    /// <summary>The property regime when the spouses declare one by contract ("legal" when none).</summary>
    public string? PropertyRegime { get; init; }
    public InformantDetails? Informant { get; init; }
}

/// <summary>
/// One spouse: a person of the registry by KIDC with the names and date of birth the clerk typed,
/// or a foreign spouse by passport (number, issuing country, nationality) and names.
/// </summary>
public sealed record SpouseDetails
{
    public string? Kidc { get; init; }
    public string? SurnameKm { get; init; }
    public string? GivenNameKm { get; init; }
    public string? SurnameLatin { get; init; }
    public string? GivenNameLatin { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? BirthDate { get; init; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Nationality { get; init; }
    /// <summary>For a spouse without a KIDC: the passport number.</summary>
    public string? PassportNumber { get; init; }
    /// <summary>ISO 3166-1 alpha-2 of the passport's issuing state.</summary>
    public string? PassportCountry { get; init; }
    /// <summary>Gazetteer village code of the spouse's residence.</summary>
    public string? ResidenceVillageCode { get; init; }
    /// <summary>For a minor: who gave the consent the law asks (Civil Code art. 948(2)), by name, relationship and KIDC.</summary>
    public ConsentDetails? Consent { get; init; }
    /// <summary>The spouse's earlier marriages and how each ended (divorce, annulment, death of the spouse).</summary>
    public IReadOnlyList<PriorMarriage>? PriorMarriages { get; init; }
    /// <summary>Set by the office: true when the registry confirmed the KIDC with these names and date of birth.</summary>
    public bool? Confirmed { get; init; }
}

public sealed record ConsentDetails
{
    public string? Name { get; init; }
    /// <summary>father, mother, guardian.</summary>
    public string? Relationship { get; init; }
    public string? Kidc { get; init; }
    /// <summary>yyyy-MM-dd the consent was given (a signed annex holds it).</summary>
    public string? GivenOn { get; init; }
}

public sealed record PriorMarriage
{
    /// <summary>The marriage's registration number when it was registered here.</summary>
    public string? RegistrationNumber { get; init; }
    public string? SpouseName { get; init; }
    /// <summary>Divorce, Annulment or Death (of that spouse).</summary>
    public string? EndedBy { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? EndedOn { get; init; }
}

public sealed record WitnessDetails
{
    public string? Name { get; init; }
    public string? Kidc { get; init; }
    public string? Address { get; init; }
}

/// <summary>
/// A divorce, an annulment or a legal separation: the marriage it ends or suspends (by its
/// registration number) and the decision (a court's, or an administrative one where the law allows).
/// </summary>
public sealed record DissolutionDossier
{
    /// <summary>The registration number of the marriage (M…).</summary>
    public string? MarriageNumber { get; init; }
    /// <summary>Court or Administrative.</summary>
    public string? Authority { get; init; }
    /// <summary>The court's name (for a court decision).</summary>
    public string? Court { get; init; }
    public string? CaseNumber { get; init; }
    /// <summary>yyyy-MM-dd the decision was given.</summary>
    public string? DecisionDate { get; init; }
    /// <summary>yyyy-MM-dd it became final: the marriage ends (or is suspended) from this date.</summary>
    public string? EffectiveDate { get; init; }
    /// <summary>Which spouse applied (husband, wife, both), for statistics.</summary>
    public string? Petitioner { get; init; }
    /// <summary>Number of dependent children at the date, for statistics (UN tabulation plan).</summary>
    public int? DependentChildren { get; init; }
    public InformantDetails? Informant { get; init; }
}

/// <summary>An adoption decided by a court (NSPI glossary 16).</summary>
public sealed record AdoptionDossier
{
    /// <summary>Simple or Full.</summary>
    public string? Kind { get; init; }
    /// <summary>The child (or adult adoptee for a simple adoption) by KIDC, with names and date of birth as typed.</summary>
    public ParentDetails? Adoptee { get; init; }
    public ParentDetails? AdoptiveMother { get; init; }
    public ParentDetails? AdoptiveFather { get; init; }
    public string? Court { get; init; }
    public string? CaseNumber { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? DecisionDate { get; init; }
    /// <summary>For a full adoption, the names the child takes (optional: unchanged when absent).</summary>
    public string? NewSurnameKm { get; init; }
    public string? NewGivenNameKm { get; init; }
    public string? NewSurnameLatin { get; init; }
    public string? NewGivenNameLatin { get; init; }
}

/// <summary>
/// A recognition of a child by a parent (by KIDC), or a legitimization of a child by the marriage
/// of its parents: the birth registration gains the parent in a new version.
/// </summary>
public sealed record RecognitionDossier
{
    public ParentDetails? Child { get; init; }
    /// <summary>Father or Mother: which parent recognizes the child.</summary>
    public string? ParentRole { get; init; }
    public ParentDetails? Parent { get; init; }
    /// <summary>yyyy-MM-dd of the declaration (or of the paternity judgment).</summary>
    public string? DeclarationDate { get; init; }
    /// <summary>For a legitimization: the parents' marriage registration number.</summary>
    public string? MarriageNumber { get; init; }
    /// <summary>For a paternity judgment: the court and case.</summary>
    public string? Court { get; init; }
    public string? CaseNumber { get; init; }
}

/// <summary>
/// A foetal death (stillbirth), notified by the health facility: registered without a person and
/// without a KIDC, counted in the statistics (UN: foetal deaths of 28 weeks or more).
/// </summary>
public sealed record FoetalDeathDossier
{
    public ParentDetails? Mother { get; init; }
    public ParentDetails? Father { get; init; }
    /// <summary>yyyy-MM-dd of delivery.</summary>
    public string? DeliveryDate { get; init; }
    public string? DeliveryPlaceCode { get; init; }
    public string? PlaceKind { get; init; }
    public string? FacilityName { get; init; }
    /// <summary>Male, Female or Undetermined.</summary>
    public string? Sex { get; init; }
    /// <summary>Completed weeks of gestation.</summary>
    public int? GestationWeeks { get; init; }
    public int? WeightGrams { get; init; }
    /// <summary>Single, Twin, Triplet or Higher.</summary>
    public string? BirthType { get; init; }
    /// <summary>The cause as certified (condition and ICD-10 code).</summary>
    public CauseLine? Cause { get; init; }
    public string? Attendant { get; init; }
    /// <summary>Gazetteer village code of the mother's residence (statistics tabulate by it).</summary>
    public string? ResidenceVillageCode { get; init; }
    public InformantDetails? Informant { get; init; }
}

/// <summary>A change of name, by a court's or an administrative decision; the registry follows.</summary>
public sealed record NameChangeDossier
{
    public ParentDetails? Person { get; init; }
    public string? NewSurnameKm { get; init; }
    public string? NewGivenNameKm { get; init; }
    public string? NewSurnameLatin { get; init; }
    public string? NewGivenNameLatin { get; init; }
    /// <summary>Court or Administrative.</summary>
    public string? Authority { get; init; }
    public string? Court { get; init; }
    public string? CaseNumber { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? DecisionDate { get; init; }
    public string? Reason { get; init; }
}

/// <summary>An application to register a marriage.</summary>
public sealed record MarriageApplication
{
    public Guid? Id { get; init; }
    public MarriageDossier? Marriage { get; init; }
}

/// <summary>An application to register a divorce, an annulment or a legal separation (<see cref="Event"/> says which).</summary>
public sealed record DissolutionApplication
{
    public Guid? Id { get; init; }
    /// <summary>Divorce, Annulment or LegalSeparation.</summary>
    public string? Event { get; init; }
    /// <summary>The court decision this application completes, when it came from the courts' system.</summary>
    public Guid? CourtDecisionId { get; init; }
    public DissolutionDossier? Dissolution { get; init; }
}

public sealed record AdoptionApplication
{
    public Guid? Id { get; init; }
    public Guid? CourtDecisionId { get; init; }
    public AdoptionDossier? Adoption { get; init; }
}

/// <summary>A recognition (<see cref="Legitimization"/> false) or a legitimization.</summary>
public sealed record RecognitionApplication
{
    public Guid? Id { get; init; }
    public bool Legitimization { get; init; }
    public Guid? CourtDecisionId { get; init; }
    public RecognitionDossier? Recognition { get; init; }
}

public sealed record FoetalDeathApplication
{
    public Guid? Id { get; init; }
    public Guid? NotificationId { get; init; }
    public FoetalDeathDossier? FoetalDeath { get; init; }
}

public sealed record NameChangeApplication
{
    public Guid? Id { get; init; }
    public Guid? CourtDecisionId { get; init; }
    public NameChangeDossier? NameChange { get; init; }
}
