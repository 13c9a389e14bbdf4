namespace Nokor.Platform.Staff;

/// <summary>The roles of staff accounts. Role names are stable identifiers stored in the database.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string Registrar = "registrar";
    public const string Agent = "agent";
    public const string Viewer = "viewer";
    /// <summary>Another information system (CRVS, ID card, passport, residence, nationality) calling the API.</summary>
    public const string System = "system";

    public static readonly IReadOnlyList<string> All = [Administrator, Registrar, Agent, Viewer, System];
}
