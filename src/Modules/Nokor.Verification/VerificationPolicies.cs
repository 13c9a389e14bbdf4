namespace Nokor.Verification;

public static class VerificationPolicies
{
    /// <summary>Staff of the data distribution unit: institutions, contracts, credentials, statements.</summary>
    public const string Manage = "verification.manage";

    /// <summary>
    /// Reading who queried a person ("who looked at my data"): the data distribution unit, and the
    /// citizen e-services system acting for the person who signed in there.
    /// </summary>
    public const string PersonAccess = "verification.person-access";
}
