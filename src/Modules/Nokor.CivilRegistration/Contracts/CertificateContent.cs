namespace Nokor.CivilRegistration.Contracts;

/// <summary>Which certificate is printed.</summary>
public enum CertificateKind
{
    /// <summary>A birth certificate.</summary>
    Birth,

    /// <summary>A death certificate.</summary>
    Death,

    /// <summary>A marriage certificate: both spouses, date and place, witnesses, property regime.</summary>
    Marriage,

    /// <summary>A divorce certificate: the marriage it ends and the decision.</summary>
    Divorce,

    /// <summary>A certificate of the annulment of a marriage.</summary>
    Annulment,

    /// <summary>A certificate of legal separation (the spouses stay married).</summary>
    LegalSeparation,

    /// <summary>A certificate of adoption.</summary>
    Adoption,

    /// <summary>A certificate of the recognition of a child.</summary>
    Recognition,

    /// <summary>A certificate of the legitimization of a child.</summary>
    Legitimization,

    /// <summary>A certificate of foetal death (stillbirth).</summary>
    FoetalDeath,

    /// <summary>A certificate of change of name.</summary>
    NameChange,
}

/// <summary>
/// One row of the facts table of a certificate other than a birth or death certificate: the label
/// in Khmer and English, the value in Khmer (optional) and in Latin script or English.
/// </summary>
public sealed record CertificateFact(string LabelKm, string LabelEn, string? ValueKm, string? ValueLatin);

/// <summary>
/// Everything printed on a certificate, already chosen and formatted by the caller
/// (texts in Khmer and in Latin script or English); the renderer (<see cref="ICertificateRenderer"/>) only lays it out.
/// <para>
/// Privacy: a certificate is shown to banks, schools and employers, so it carries the civil facts
/// of the event and nothing medical. There is deliberately no field for the cause or manner of
/// death — those stay in the death record and in the statistics (the cause of death is medical
/// data, released only under the rules for health information) — and none for the attendant at
/// birth or the gestation.
/// </para>
/// </summary>
public sealed record CertificateContent
{
    public required CertificateKind Kind { get; init; }

    /// <summary>A copy issued later from the register, marked "ច្បាប់ចម្លងត្រឹមត្រូវ / Certified copy".</summary>
    public bool IsCertifiedCopy { get; init; }

    /// <summary>E.g. <c>B120101-2026-000042</c>.</summary>
    public required string RegistrationNumber { get; init; }

    /// <summary>Version of the registration record the certificate was printed from (corrections add versions).</summary>
    public required int RegistrationVersion { get; init; }

    /// <summary>The subject's Khmer Identification Code, when one is issued.</summary>
    public string? Kidc { get; init; }

    public required string SurnameKm { get; init; }

    public required string GivenNameKm { get; init; }

    public required string SurnameLatin { get; init; }

    public required string GivenNameLatin { get; init; }

    /// <summary>Sex as printed, e.g. "ស្រី" and "Female".</summary>
    public required string SexKm { get; init; }

    public required string SexEn { get; init; }

    /// <summary>Date of birth (birth certificate) or of death (death certificate).</summary>
    public required DateOnly EventDate { get; init; }

    /// <summary>Time of the event as printed (e.g. "08:45"), when known.</summary>
    public string? EventTime { get; init; }

    /// <summary>Place of birth or death, e.g. "មន្ទីរពេទ្យបង្អែកខេត្តកណ្តាល, ក្រុងតាខ្មៅ".</summary>
    public required string PlaceKm { get; init; }

    public required string PlaceLatin { get; init; }

    // Birth certificates.

    public string? MotherNameKm { get; init; }

    public string? MotherNameLatin { get; init; }

    public string? MotherKidc { get; init; }

    /// <summary>Absent when no father is registered; the certificate then says "not recorded".</summary>
    public string? FatherNameKm { get; init; }

    public string? FatherNameLatin { get; init; }

    public string? FatherKidc { get; init; }

    /// <summary>Single, twin, ... as printed (e.g. "ភ្លោះ" and "Twin"), when to be shown.</summary>
    public string? BirthTypeKm { get; init; }

    public string? BirthTypeEn { get; init; }

    // Death certificates.

    /// <summary>The deceased's date of birth as printed (it may be known only to the month or year).</summary>
    public string? DateOfBirth { get; init; }

    /// <summary>Age at death as printed, e.g. "៧៤ ឆ្នាំ / 74 years".</summary>
    public string? AgeAtDeath { get; init; }

    // Certificates of the other events (marriage, divorce...).

    /// <summary>
    /// For a certificate other than birth and death: the facts table in order (the spouses, the
    /// date and place, the decision...), chosen by the event's procedure. The name, sex and KIDC
    /// fields above are then not printed as rows of their own: the facts carry them.
    /// </summary>
    public IReadOnlyList<CertificateFact> Facts { get; init; } = [];

    // Registration and issue.

    public required string RegisteringOfficeKm { get; init; }

    public required string RegisteringOfficeLatin { get; init; }

    public required string RegistrarName { get; init; }

    public required DateOnly RegisteredOn { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required string CertificateSerial { get; init; }

    /// <summary>A later certificate replaces this one: the page carries a "លែងប្រើ / SUPERSEDED" watermark.</summary>
    public bool IsSuperseded { get; init; }

    /// <summary>The signed token (NKC1...), written into the PDF's Keywords so tools can read it without scanning the QR.</summary>
    public required string SignedToken { get; init; }

    /// <summary>
    /// The short code printed beside the QR code (<c>XXXXX-XXXXX</c>, see <c>CertificateCheckCodes</c>):
    /// typed with the serial on the public page, it shows the printed fields. Not printed when null.
    /// </summary>
    public string? CheckCode { get; init; }

    /// <summary>The QR code's content, <c>{baseUrl}/verify/qr?t=&lt;token&gt;</c>.</summary>
    public required string VerificationUrl { get; init; }
}
