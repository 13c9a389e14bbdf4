namespace Nokor.CivilRegistration.Contracts;

/// <summary>Authorization policies of civil registration.</summary>
public static class CivilPolicies
{
    /// <summary>Read registrations and notifications of the office's area: agents, registrars, viewers.</summary>
    public const string Read = "civil.read";
    /// <summary>Notify and enter applications, verify, print: agents and registrars; systems may notify.</summary>
    public const string Work = "civil.work";
    /// <summary>Notify only: a health facility's system, or staff.</summary>
    public const string Notify = "civil.notify";
    /// <summary>Send final court decisions (POST /api/civil/court-decisions): the courts' system account (role court) only.</summary>
    public const string CourtDecisions = "civil.court-decisions";

    /// <summary>Exact vital statistics tables of the office's area: the statistics unit, registrars, viewers, administrators.</summary>
    public const string Statistics = "civil.statistics";
    /// <summary>Publish a year's protected tables for the public: the statistics unit and administrators.</summary>
    public const string Publish = "civil.statistics.publish";
    /// <summary>Service-level reports (NSPI 8.4: staff daily, supervisors daily, upper management weekly, supervisory bodies monthly).</summary>
    public const string ServiceReports = "civil.service-reports";
    /// <summary>Set the service-level targets: administrators.</summary>
    public const string ServiceTargets = "civil.service-targets";
}

/// <summary>Rate-limit policies the module's endpoints name; the host defines them.</summary>
public static class CivilRateLimits
{
    /// <summary>The public verification API and page: requests per minute per client address.</summary>
    public const string PublicVerification = "public-verification";
}
