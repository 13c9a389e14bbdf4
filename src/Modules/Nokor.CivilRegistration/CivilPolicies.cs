namespace Nokor.CivilRegistration;

/// <summary>Authorization policies of civil registration.</summary>
public static class CivilPolicies
{
    /// <summary>Read registrations and notifications of the office's area: agents, registrars, viewers.</summary>
    public const string Read = "civil.read";
    /// <summary>Notify and enter applications, verify, print: agents and registrars; systems may notify.</summary>
    public const string Work = "civil.work";
    /// <summary>Notify only: a health facility's system, or staff.</summary>
    public const string Notify = "civil.notify";
}
