using Nokor.Population.Contracts;

namespace Nokor.Population.Generation;

/// <summary>The generation door: runs the <see cref="PopulationGenerator"/> for callers outside the module.</summary>
internal sealed class PopulationGeneration(IServiceProvider services, TimeProvider time) : IPopulationGeneration
{
    public Task<PopulationGenerationResult> GenerateAsync(
        PopulationGenerationOptions options, IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default) =>
        new PopulationGenerator(services, time).GenerateAsync(options, progress, ct);
}
