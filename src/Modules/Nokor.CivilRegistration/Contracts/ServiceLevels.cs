namespace Nokor.CivilRegistration.Contracts;

/// <summary>The steps of the procedure that have a service-level target (NSPI 8.4).</summary>
public static class ServiceSteps
{
    /// <summary>From the application entered to its verification by a second member of staff.</summary>
    public const string Verification = "verification";
    /// <summary>From verification to the registrar's decision (approval or rejection).</summary>
    public const string Decision = "decision";
    /// <summary>From approval to the first certificate printed.</summary>
    public const string Certificate = "certificate";

    /// <summary>Every step, in the order of the procedure.</summary>
    public static readonly string[] All = [Verification, Decision, Certificate];

    /// <summary>The step's name in both languages.</summary>
    public static StatLabel Label(string step) => step switch
    {
        Verification => new(step, "ពីពាក្យស្នើដល់ការផ្ទៀងផ្ទាត់", "Application to verification"),
        Decision => new(step, "ពីការផ្ទៀងផ្ទាត់ដល់សេចក្ដីសម្រេច", "Verification to decision"),
        _ => new(step, "ពីការអនុម័តដល់សំបុត្រ", "Approval to certificate"),
    };
}

/// <summary>A target as it applies: the step should take at most MaxHours for CompliancePercent of cases.</summary>
public sealed record ServiceTarget(string Step, int MaxHours, int CompliancePercent, string? SetBy, DateTimeOffset? SetAt);

/// <summary>A new target for a step: at most <paramref name="MaxHours"/> (1-8760) for <paramref name="CompliancePercent"/> (1-100) of cases.</summary>
public sealed record SetServiceTargetRequest(int? MaxHours, int? CompliancePercent);

/// <summary>One step at one office over the period.</summary>
public sealed record ServiceStepLine(string Step, int Completed, double? MedianHours, double? WithinTargetPercent, int Overdue, bool? Met);

/// <summary>One office's line: each step against its target, rejections and corrections, and the action the report asks for.</summary>
public sealed record ServiceOfficeLine(
    string OfficeCode, string NameKm, string NameEn, IReadOnlyList<ServiceStepLine> Steps, int Decided, int Rejections, int Corrections, bool MissesTargets)
{
    /// <summary>NSPI 8.4: a report "clearly indicates action": acknowledgment, or a request for managerial action.</summary>
    public string Action => MissesTargets ? "managerial-action" : Steps.All(s => s.Completed == 0) && Decided == 0 ? "no-activity" : "acknowledged";
}

/// <summary>A service-level report for a day, a week or a month, for the offices inside an area.</summary>
public sealed record ServiceReport(
    string Period, DateOnly From, DateOnly To, string AreaCode, IReadOnlyList<ServiceTarget> Targets,
    IReadOnlyList<ServiceOfficeLine> Offices, ServiceOfficeLine Overall)
{
    /// <summary>The audience NSPI 8.4 gives each period: staff and supervisors daily, upper management weekly, supervisory bodies monthly.</summary>
    public string Audience => Period switch { "day" => "staff-and-supervisors", "week" => "upper-management", _ => "supervisory-bodies" };
}
