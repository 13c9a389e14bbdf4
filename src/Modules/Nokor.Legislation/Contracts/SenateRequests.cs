namespace Nokor.Legislation.Contracts;

/// <summary>A senator to register, with the mandate of the current legislature.</summary>
public sealed record NewSenatorRequest(string? NameKm, string? NameLatin, SeatKind? Seat, string? Constituency, string? UserName, int? Legislature, DateOnly? StartsOn);

/// <summary>A mandate ends before the legislature does (death, resignation, loss of office), with the reason.</summary>
public sealed record EndMandateRequest(DateOnly? EndsOn, string? Reason);

/// <summary>A senator joins a body (the Permanent Committee or a commission) in a role.</summary>
public sealed record MembershipRequest(Guid? SenatorId, MemberRole? Role, DateOnly? StartsOn);

/// <summary>A senator leaves a body (or gives up its chair) after the given day.</summary>
public sealed record EndMembershipRequest(Guid? SenatorId, DateOnly? EndsOn);
