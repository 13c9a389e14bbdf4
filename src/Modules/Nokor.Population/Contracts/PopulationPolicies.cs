namespace Nokor.Population.Contracts;

/// <summary>
/// Who may use the Population Registry. System administrators manage accounts, not people's
/// records, so they hold neither policy unless also given a registry role.
/// </summary>
public static class PopulationPolicies
{
    public const string Read = "population.read";
    public const string Write = "population.write";
}
