using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Legislation.Data;
using Nokor.Legislation.Generation;
using Nokor.Platform.Audit;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Texts;

/// <summary>
/// Stores synthetic acts (<see cref="SyntheticActs"/>) in the legal database for benchmarks,
/// in batches of 100 with one audit entry per batch. Acts already present (same work URI) are
/// skipped, so running it twice with the same seed adds nothing.
/// </summary>
internal static class ActGeneration
{
    private const int Batch = 100;

    public static async Task<int> RunAsync(IServiceProvider services, int count, int seed, IProgress<int>? progress, CancellationToken ct)
    {
        var actor = Actor.Platform("generator:legislation");
        var added = 0;
        var done = 0;
        foreach (var chunk in SyntheticActs.Many(count, seed).Chunk(Batch))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LegislationDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var uris = chunk.Select(a => AknFormats.WorkUri(a.Khmer.Work)).ToList();
            var existing = (await db.Acts.Where(a => uris.Contains(a.WorkUri)).Select(a => a.WorkUri).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var limits = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<LegislationOptions>>().Value;
            var batch = 0;
            foreach (var act in chunk)
            {
                var work = act.Khmer.Work;
                var uri = AknFormats.WorkUri(work);
                if (!existing.Add(uri))
                {
                    continue;
                }

                var entity = new ActEntity
                {
                    Id = Guid.NewGuid(),
                    WorkUri = uri,
                    Number = work.Number,
                    Date = work.Date,
                    TitleKm = act.Khmer.Title.Length <= 1000 ? act.Khmer.Title : act.Khmer.Title[..1000],
                    TitleEn = act.English?.Title is { } en ? (en.Length <= 1000 ? en : en[..1000]) : null,
                    PromulgatedOn = work.Date,
                    CreatedAt = now,
                    CreatedBy = actor.Id,
                };
                db.Acts.Add(entity);
                foreach (var expression in act.Expressions)
                {
                    var text = TextStore.Add(db, limits, "text", expression.Text, expression.ValidFrom, "Synthetic (benchmark)", entity.Id, null, actor, now).Value
                        ?? throw new InvalidOperationException("A synthetic act is over the storage limits.");
                    text.ValidTo = expression.ValidTo;
                }

                batch++;
            }

            if (batch > 0)
            {
                await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditEvent(actor, "legislation.act.generate", "act", "synthetic",
                    "benchmark data", AuditDetails.Of(new { acts = batch, seed })), ct);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                added += batch;
            }

            done += chunk.Length;
            progress?.Report(done);
        }

        return added;
    }
}
