namespace Nokor.Population.Contracts;

/// <summary>
/// Who may use the Population Registry. System administrators manage accounts, not people's
/// records, so they hold neither policy unless also given a registry role.
/// </summary>
public static class PopulationPolicies
{
    /// <summary>Read people, their history, and search (registrars, agents, viewers, systems).</summary>
    public const string Read = "population.read";

    /// <summary>Register and change people (registrars, agents, systems).</summary>
    public const string Write = "population.write";
}
