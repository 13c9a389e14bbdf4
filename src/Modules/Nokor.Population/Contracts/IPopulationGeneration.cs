using Nokor.Platform.Staff;

namespace Nokor.Population.Contracts;

/// <summary>
/// Generates a synthetic population for demos and benchmarks (`nokor population generate`):
/// households, names, dates, places, KIDCs and ID cards, stored straight into the registry in
/// batches. Never used by a user-facing procedure. Needs a migrated database with the gazetteer
/// loaded. One audit entry per run names who ran it, how many and which seed.
/// </summary>
public interface IPopulationGeneration
{
    /// <summary>
    /// Generates and stores <see cref="PopulationGenerationOptions.Count"/> persons, reporting
    /// (done, total) after each stored batch. The demographic draws depend only on the seed and
    /// the reference date; KIDCs are always new. Throws when the count or batch size is out of range.
    /// </summary>
    Task<PopulationGenerationResult> GenerateAsync(
        PopulationGenerationOptions options, IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default);
}

/// <summary>What to generate.</summary>
public sealed record PopulationGenerationOptions
{
    /// <summary>The most persons one run may generate.</summary>
    public const long MaxCount = 20_000_000;

    /// <summary>How many persons to generate, 1 to <see cref="MaxCount"/>.</summary>
    public required long Count { get; init; }
    /// <summary>Seed of the demographic draws: one seed gives the same names, dates and places.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Persons stored per transaction.</summary>
    public int BatchSize { get; init; } = 10_000;
    /// <summary>"Today" for ages and dates; the current UTC date when null.</summary>
    public DateOnly? ReferenceDate { get; init; }
    /// <summary>Who runs the generation, named in the run's audit entry (the platform's generator when null).</summary>
    public Actor? Actor { get; init; }
    /// <summary>
    /// Gazetteer codes (2, 4, 6 or 8 digits) the households live in: only villages inside one of
    /// them are drawn (the demo fills its two communes). Every village of the country when null.
    /// </summary>
    public IReadOnlyList<string>? AreaCodes { get; init; }
}

/// <summary>What a generation run stored and how long it took.</summary>
public sealed record PopulationGenerationResult(long Persons, long Households, TimeSpan Elapsed);
