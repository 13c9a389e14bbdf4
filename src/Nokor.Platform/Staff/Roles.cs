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

    /// <summary>
    /// Staff of the Senate's Secretariat General who keep the legislative record (E-Senate master
    /// plan VI.5, Priority Objective 2, Activity 1 B): they register bills from the National
    /// Assembly, record each stage with its documents, keep the legal database and record the
    /// commissions' answers and reports.
    /// </summary>
    public const string SenateClerk = "senate-clerk";

    /// <summary>A senator: comments on draft laws article by article and, as a commission chair, answers for the commission.</summary>
    public const string Senator = "senator";

    /// <summary>
    /// Staff of the vital statistics unit (NSPI 5.2.7 a, 6.2.2 Table 6): they compile, check and
    /// publish the tables produced from the registrations, and set the population denominators.
    /// They see aggregate tables for their area, never a person's record.
    /// </summary>
    public const string Statistics = "statistics";

    /// <summary>
    /// The courts' information system: it sends final decisions that the civil registry must
    /// follow (divorce, annulment, separation, adoption, paternity, name change, correction) to
    /// <c>POST /api/civil/court-decisions</c>, and nothing else.
    /// </summary>
    public const string Court = "court";

    public static readonly IReadOnlyList<string> All = [Administrator, Registrar, SeniorRegistrar, Agent, Viewer, System, DataDistribution, SenateClerk, Senator, Statistics, Court];

    /// <summary>
    /// Whether an account of this role is another information system (a system account: it signs
    /// in with client credentials, never a password or a second factor): <see cref="System"/> and
    /// <see cref="Court"/>.
    /// </summary>
    public static bool IsSystemRole(string role) => role is System or Court;

    /// <summary>The roles an account given <paramref name="role"/> holds.</summary>
    public static IReadOnlyList<string> Granted(string role) =>
        role == SeniorRegistrar ? [Registrar, SeniorRegistrar] : [role];
}
