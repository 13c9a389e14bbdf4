using Nokor.Population.Contracts;

namespace Nokor.Population.Generation;

/// <summary>The generation door: runs the <see cref="PopulationGenerator"/> for callers outside the module.</summary>
internal sealed class PopulationGeneration(IServiceProvider services, TimeProvider time) : IPopulationGeneration
{
    public async Task<PopulationGenerationResult> GenerateAsync(
        PopulationGenerationOptions options, IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        try
        {
            return await new PopulationGenerator(services, time).GenerateAsync(options, progress, ct);
        }
        finally
        {
            // The generator writes around the change feed: the name index of this process is rebuilt.
            (services.GetService(typeof(Search.PersonNameIndexFeed)) as Search.PersonNameIndexFeed)?.Invalidate();
        }
    }
}
