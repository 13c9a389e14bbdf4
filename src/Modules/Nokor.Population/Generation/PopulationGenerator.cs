using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Audit;
using Nokor.Platform.Data;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Kidc;

namespace Nokor.Population.Generation;

/// <summary>
/// Generates a synthetic population for demos and benchmarks and stores it directly in the
/// Population Registry tables (see <see cref="PopulationBulkWriter"/>), in batches so that memory
/// stays flat whatever the count. The demographic draws (households, names, dates, places) depend
/// only on the seed and the reference date; KIDCs come from <see cref="KidcService"/> and are
/// random like every real KIDC, so two runs with one seed give the same people under different
/// codes. Every person gets an issued KIDC (status Assigned), version 1 with a snapshot, and adult
/// citizens often a Khmer ID card. Needs a migrated database with the gazetteer loaded. Other
/// assemblies run it through <see cref="IPopulationGeneration"/>.
/// </summary>
internal sealed class PopulationGenerator(IServiceProvider services, TimeProvider time)
{
    public const long MaxCount = PopulationGenerationOptions.MaxCount;
    public const long FirstIdCardNumber = 100_000_001;
    public const long LastIdCardNumber = 999_999_999;

    public async Task<PopulationGenerationResult> GenerateAsync(
        PopulationGenerationOptions options, IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        if (options.Count is < 1 or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"The count must be between 1 and {MaxCount:N0}.");
        }

        if (options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The batch size must be positive.");
        }

        if (options.AreaCodes?.Any(a => a.Length is not (2 or 4 or 6 or 8) || !a.All(char.IsAsciiDigit)) == true)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Area codes are gazetteer codes of 2, 4, 6 or 8 digits.");
        }

        var stopwatch = Stopwatch.StartNew();
        var at = time.GetUtcNow();
        var reference = options.ReferenceDate ?? DateOnly.FromDateTime(at.UtcDateTime);

        DatabaseSettings settings;
        VillageSet villages;
        long nextCard;
        await using (var scope = services.CreateAsyncScope())
        {
            settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
            villages = await VillageSet.LoadAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), ct, options.AreaCodes);
            nextCard = await NextIdCardNumberAsync(scope.ServiceProvider.GetRequiredService<PopulationDbContext>(), ct);
        }

        // One audit entry per run, durable before anything is stored: who, how many, which seed.
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditEvent(
                options.Actor ?? Actor.Platform("population-generator"), "population.generate", "population", "synthetic",
                "synthetic population for demos and benchmarks",
                AuditDetails.Of(new
                {
                    count = options.Count,
                    seed = options.Seed,
                    batchSize = options.BatchSize,
                    referenceDate = reference.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                })), ct);
        }

        var names = NameLists.Embedded;
        var households = new HouseholdCounter();
        var channel = Channel.CreateBounded<List<SyntheticPerson>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        // Drawing, KIDC issuance and the derived columns run on their own thread while the
        // previous batches are being stored.
        var producer = Task.Run(async () =>
        {
            try
            {
                var rows = new SyntheticRows();
                var issuer = new KidcIssuer(services, inFlightBatches: 4);
                foreach (var batch in Draw(options.Seed, options.Count, options.BatchSize, names, villages, reference, households))
                {
                    foreach (var p in batch)
                    {
                        p.Id = Guid.CreateVersion7();
                    }

                    await issuer.AssignAsync(batch, stop.Token);
                    nextCard = AssignIdCardNumbers(batch, nextCard);
                    foreach (var p in batch)
                    {
                        rows.Prepare(p, at);
                    }

                    await channel.Writer.WriteAsync(batch, stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        long done = 0;
        try
        {
            await using var writer = await PopulationBulkWriter.OpenAsync(settings, ct);
            progress?.Report((0, options.Count));
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                await writer.WriteAsync(batch, at, ct);
                done += batch.Count;
                progress?.Report((done, options.Count));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }

        return new PopulationGenerationResult(done, households.Count, stopwatch.Elapsed);
    }

    /// <summary>
    /// The people of a population, in batches of whole households of at least
    /// <paramref name="batchSize"/> persons (the last household is cut to reach exactly
    /// <paramref name="count"/>). Pure: depends only on the arguments.
    /// </summary>
    internal static IEnumerable<List<SyntheticPerson>> Draw(
        int seed, long count, int batchSize, NameLists names, VillageSet villages, DateOnly reference, HouseholdCounter? households = null)
    {
        var builder = new HouseholdBuilder(new Random(seed), names, villages, reference);
        var remaining = count;
        var household = new List<SyntheticPerson>(16);
        while (remaining > 0)
        {
            var batch = new List<SyntheticPerson>(batchSize + 16);
            while (batch.Count < batchSize && remaining > 0)
            {
                household.Clear();
                builder.Next(household);
                var take = (int)Math.Min(household.Count, remaining);
                for (var i = 0; i < take; i++)
                {
                    batch.Add(household[i]);
                }

                remaining -= take;
                households?.Increment();
            }

            yield return batch;
        }
    }

    /// <summary>
    /// Takes KIDCs from <see cref="KidcService"/>, which knows the codes already stored. Codes of
    /// the few batches issued but not yet committed are not in the table yet, so they are
    /// remembered here and never handed out twice.
    /// </summary>
    private sealed class KidcIssuer(IServiceProvider services, int inFlightBatches)
    {
        private readonly Queue<HashSet<string>> _recent = new();

        public async Task AssignAsync(List<SyntheticPerson> batch, CancellationToken ct)
        {
            var foreign = batch.Count(p => p.IsForeignResident);
            var issued = new HashSet<string>(batch.Count, StringComparer.Ordinal);
            await using var scope = services.CreateAsyncScope();
            var kidcs = scope.ServiceProvider.GetRequiredService<KidcService>();
            var citizenCodes = await IssueAsync(kidcs, KidcCategory.Citizen, batch.Count - foreign, issued, ct);
            var foreignCodes = await IssueAsync(kidcs, KidcCategory.ForeignResident, foreign, issued, ct);
            int c = 0, f = 0;
            foreach (var p in batch)
            {
                p.Kidc = p.IsForeignResident ? foreignCodes[f++] : citizenCodes[c++];
            }

            _recent.Enqueue(issued);
            if (_recent.Count > inFlightBatches)
            {
                _recent.Dequeue();
            }
        }

        private async Task<List<string>> IssueAsync(
            KidcService kidcs, KidcCategory category, int count, HashSet<string> issued, CancellationToken ct)
        {
            var codes = new List<string>(count);
            for (var attempt = 0; codes.Count < count; attempt++)
            {
                if (attempt == 10)
                {
                    throw new InvalidOperationException($"The KIDC service issued only {codes.Count} of {count} new codes.");
                }

                foreach (var code in await kidcs.IssueManyAsync(category, count - codes.Count, ct))
                {
                    if (codes.Count < count && !_recent.Any(r => r.Contains(code)) && issued.Add(code))
                    {
                        codes.Add(code);
                    }
                }
            }

            return codes;
        }
    }

    private static long AssignIdCardNumbers(List<SyntheticPerson> batch, long next)
    {
        foreach (var p in batch)
        {
            if (p.IdCardIssuedOn is null)
            {
                continue;
            }

            if (next > LastIdCardNumber)
            {
                throw new InvalidOperationException("The 9-digit Khmer ID card numbers are exhausted in this database.");
            }

            p.IdCardNumber = next.ToString("D9", CultureInfo.InvariantCulture);
            next++;
        }

        return next;
    }

    /// <summary>ID card numbers continue after the highest 9-digit number already recorded, so they stay unique.</summary>
    private static async Task<long> NextIdCardNumberAsync(PopulationDbContext db, CancellationToken ct)
    {
        var highest = await db.PersonDocuments.AsNoTracking()
            .Where(d => d.Type == DocumentType.KhmerIdCard && d.Number.Length == 9)
            .MaxAsync(d => (string?)d.Number, ct);
        return highest is not null && long.TryParse(highest, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? Math.Max(n + 1, FirstIdCardNumber)
            : FirstIdCardNumber;
    }
}

internal sealed class HouseholdCounter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
