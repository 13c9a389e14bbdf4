namespace Nokor.CivilRegistration.Contracts;

/// <summary>A request for an extract of a registration, received on paper or online.</summary>
public sealed record InformationRequestInput
{
    public string? RegistrationNumber { get; init; }
    /// <summary>Person (the registered person, or a parent of a registered child) or Institution.</summary>
    public string? RequesterKind { get; init; }
    public string? RequesterName { get; init; }
    /// <summary>For a person: their KIDC, which must be the subject's or a parent's.</summary>
    public string? RequesterKidc { get; init; }
    /// <summary>For an institution: the cooperation agreement that allows it (NSPI 5.3).</summary>
    public string? Agreement { get; init; }
    public string? Purpose { get; init; }
}

/// <summary>A registrar's decision on an information request.</summary>
/// <param name="Approve">True approves, false refuses.</param>
/// <param name="Decision">The decision text; required when refusing.</param>
public sealed record InformationDecision(bool Approve, string? Decision);

/// <summary>The delivery of an approved request's extract.</summary>
/// <param name="Channel">One of <see cref="ICivilInformation.Channels"/>.</param>
public sealed record InformationDelivery(string? Channel);

/// <summary>An information request as staff see it, with the extract once delivered.</summary>
public sealed record InformationRequestView(
    Guid Id, string RegistrationNumber, InformationRequesterKind RequesterKind, string RequesterName, string? Agreement, string Purpose,
    InformationRequestStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt, string? Decision, DateTimeOffset? DeliveredAt,
    string? DeliveryChannel, long FeeRiel, RegistrationExtract? Extract);

/// <summary>The extract delivered: the registered facts, as a certificate states them.</summary>
public sealed record RegistrationExtract(
    VitalEvent Event, string RegistrationNumber, int Version, string? Kidc, string NameKm, string NameLatin, string? Sex,
    string EventDate, string EventPlaceCode, string OfficeCode, DateTimeOffset? RegisteredAt, string? MotherNameKm, string? FatherNameKm);
