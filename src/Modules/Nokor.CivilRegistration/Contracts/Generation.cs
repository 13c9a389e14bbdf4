namespace Nokor.CivilRegistration.Contracts;

/// <summary>How many synthetic registrations were made, how many the procedure refused, and how long it took.</summary>
/// <param name="Births">Births asked for.</param>
/// <param name="Deaths">Deaths asked for.</param>
/// <param name="Failed">Registrations the procedure refused.</param>
/// <param name="Elapsed">The time taken.</param>
public sealed record CivilGenerationResult(int Births, int Deaths, int Failed, TimeSpan Elapsed)
{
    /// <summary>Marriages asked for.</summary>
    public int Marriages { get; init; }
    /// <summary>Divorces asked for (of marriages of the same run).</summary>
    public int Divorces { get; init; }
    /// <summary>Adoptions asked for.</summary>
    public int Adoptions { get; init; }
    /// <summary>What the procedure answered for the family events it refused, in order (for the operator).</summary>
    public IReadOnlyList<string> Refusals { get; init; } = [];
    /// <summary>Every registration asked for.</summary>
    public int Total => Births + Deaths + Marriages + Divorces + Adoptions;
}

/// <summary>How many synthetic registrations of each event to make.</summary>
/// <param name="Births">Births to couples of the registry.</param>
/// <param name="Deaths">Deaths of living persons of the registry.</param>
/// <param name="Marriages">Marriages of unmarried, unrelated adults of opposite sex.</param>
/// <param name="Divorces">Divorces of marriages of the same run (at most <paramref name="Marriages"/>).</param>
/// <param name="Adoptions">Adoptions of young children by couples of the registry.</param>
/// <param name="Seed">Seed of the synthetic details.</param>
public sealed record CivilGenerationRequest(int Births, int Deaths, int Marriages, int Divorces, int Adoptions, int Seed);

/// <summary>
/// Synthetic births, deaths, marriages, divorces and adoptions taken through the real procedure (enter, verify, approve) for
/// demo data and benchmarks; generated records are done by "generator:..." actors in the audit log.
/// Needs a population in the registry to draw couples and persons from.
/// </summary>
public interface ICivilDataGenerator
{
    /// <summary>Registers <paramref name="births"/> births and <paramref name="deaths"/> deaths, reporting progress.</summary>
    Task<CivilGenerationResult> GenerateAsync(int births, int deaths, int seed, IProgress<(int Done, int Total)>? progress, CancellationToken ct);

    /// <summary>
    /// Registers every event of <paramref name="request"/> through the real procedure, reporting
    /// progress. Too few persons to draw from is a <c>PreconditionException</c> before anything is written.
    /// </summary>
    Task<CivilGenerationResult> GenerateAsync(CivilGenerationRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken ct);
}
