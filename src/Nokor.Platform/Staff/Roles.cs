namespace Nokor.Platform.Staff;

/// <summary>The roles of staff accounts. Role names are stable identifiers stored in the database.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string Registrar = "registrar";
    /// <summary>
    /// A registrar who may also approve late registrations (NSPI 6.2; the law asks more of a
    /// registration made long after the event). A senior registrar holds the registrar role too.
    /// </summary>
    public const string SeniorRegistrar = "senior-registrar";
    public const string Agent = "agent";
    public const string Viewer = "viewer";
    /// <summary>Another information system (CRVS, ID card, passport, residence, nationality) calling the API.</summary>
    public const string System = "system";

    /// <summary>
    /// Staff of the data distribution unit (NSPI 6.4): they register institutions, their contracts
    /// and credentials, issue statements and answer "who looked at my data".
    /// </summary>
    public const string DataDistribution = "data-distribution";

    public static readonly IReadOnlyList<string> All = [Administrator, Registrar, SeniorRegistrar, Agent, Viewer, System, DataDistribution];

    /// <summary>The roles an account given <paramref name="role"/> holds.</summary>
    public static IReadOnlyList<string> Granted(string role) =>
        role == SeniorRegistrar ? [Registrar, SeniorRegistrar] : [role];
}
