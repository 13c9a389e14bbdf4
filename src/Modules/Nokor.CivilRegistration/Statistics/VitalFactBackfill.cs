using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// Gives the registrations made before vital statistics existed their statistical record, once,
/// at start (every later change keeps its record itself, see <see cref="VitalFactTracker"/>).
/// </summary>
internal sealed class VitalFactBackfill(IServiceScopeFactory scopes, ILogger<VitalFactBackfill> logger) : BackgroundService
{
    public const int Page = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var written = await RunAsync(scopes, stoppingToken);
            if (written > 0)
            {
                logger.LogInformation("Vital statistics: {Count} earlier registrations got their statistical record.", written);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The register works without it; the next start tries again.
            logger.LogError(ex, "Vital statistics: the backfill of statistical records stopped.");
        }
    }

    public static async Task<int> RunAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            var page = await db.Registrations.Where(r => !db.VitalFacts.Any(f => f.RegistrationId == r.Id)).OrderBy(r => r.Id).Take(Page).ToListAsync(ct);
            if (page.Count == 0)
            {
                return total;
            }

            var ids = page.Select(r => r.Id).ToList();
            var printed = await db.Certificates.Where(c => ids.Contains(c.RegistrationId)).GroupBy(c => c.RegistrationId)
                .Select(g => new { Id = g.Key, At = g.Min(c => c.IssuedAt) }).ToDictionaryAsync(x => x.Id, x => x.At, ct);
            var corrections = await db.Corrections.Where(c => ids.Contains(c.RegistrationId) && c.Status == CorrectionStatus.Approved).GroupBy(c => c.RegistrationId)
                .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
            var marriages = await VitalFacts.MarriagesOfAsync(db, page, ct);
            foreach (var r in page)
            {
                var fact = new VitalFactEntity { OfficeCode = r.OfficeCode, OccurrenceCode = r.EventPlaceCode };
                VitalFacts.Apply(r, fact, VitalFacts.MarriageNumberOf(r) is { } number ? marriages.GetValueOrDefault(number) : null);
                fact.FirstCertificateAt = printed.TryGetValue(r.Id, out var at) ? at : null;
                fact.Corrections = corrections.GetValueOrDefault(r.Id);
                db.VitalFacts.Add(fact);
            }

            await db.SaveChangesAsync(ct);
            total += page.Count;
        }
    }
}
