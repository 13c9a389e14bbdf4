namespace Nokor.Legislation.Contracts;

/// <summary>The authorization policies of the E-Senate: pages name them in <c>[Authorize]</c>.</summary>
public static class LegislationPolicies
{
    /// <summary>The Secretariat General's clerks (and administrators) keep the record.</summary>
    public const string Clerk = "legislation.clerk";

    /// <summary>Senators and the Secretariat read the internal record (comments, documents).</summary>
    public const string Read = "legislation.read";

    /// <summary>Senators comment on drafts.</summary>
    public const string Senator = "legislation.senator";
}
