namespace Nokor.CivilRegistration.Contracts;

/// <summary>How many synthetic registrations were made, how many the procedure refused, and how long it took.</summary>
/// <param name="Births">Births asked for.</param>
/// <param name="Deaths">Deaths asked for.</param>
/// <param name="Failed">Registrations the procedure refused.</param>
/// <param name="Elapsed">The time taken.</param>
public sealed record CivilGenerationResult(int Births, int Deaths, int Failed, TimeSpan Elapsed);

/// <summary>
/// Synthetic births and deaths taken through the real procedure (notify, enter, verify, approve) for
/// demo data and benchmarks; generated records are done by "generator:..." actors in the audit log.
/// Needs a population in the registry to draw couples and persons from.
/// </summary>
public interface ICivilDataGenerator
{
    /// <summary>Registers <paramref name="births"/> births and <paramref name="deaths"/> deaths, reporting progress.</summary>
    Task<CivilGenerationResult> GenerateAsync(int births, int deaths, int seed, IProgress<(int Done, int Total)>? progress, CancellationToken ct);
}
