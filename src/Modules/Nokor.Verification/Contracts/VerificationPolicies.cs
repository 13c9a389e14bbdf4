using Nokor.Platform.Staff;

namespace Nokor.Verification.Contracts;

/// <summary>The authorization policies of the verification module, for endpoints and pages (<c>[Authorize(Policy = ...)]</c>).</summary>
public static class VerificationPolicies
{
    /// <summary>Staff of the data distribution unit: institutions, contracts, credentials, statements.</summary>
    public const string Manage = "verification.manage";

    /// <summary>
    /// Reading who queried a person ("who looked at my data"), which is itself an access to the
    /// person's data: <see cref="PersonAccessRoles"/>, each within their area (an account whose area
    /// does not cover the person's residence gets the same 404 as for a KIDC nobody holds). The
    /// administrator manages accounts, not people, and is refused (403) before any KIDC is looked at.
    /// </summary>
    public const string PersonAccess = "verification.person-access";

    /// <summary>
    /// Who may read a person's query history: registrars (whose office covers the person, to answer
    /// the person at the counter), the data distribution unit (national oversight of the
    /// institutions' queries) and the citizen e-services system acting for the person who signed
    /// in there.
    /// </summary>
    public static readonly IReadOnlyList<string> PersonAccessRoles = [Roles.Registrar, Roles.DataDistribution, Roles.System];
}
