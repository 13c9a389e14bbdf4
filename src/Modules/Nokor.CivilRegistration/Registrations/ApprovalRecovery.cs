using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>
/// Finishes approvals that were interrupted between the Population Registry's change and the save
/// that approves (a host killed, a database that went away). A record carries an approval intent
/// (<see cref="RegistrationEntity.ApprovalStartedAt"/>) from before the registry is asked until the
/// approval is saved; an intent older than <see cref="CivilRegistrationOptions.ApprovalRecoveryAfterSeconds"/>
/// is interrupted. A record still verified is approved now — the registry call is repeated, which
/// is idempotent by the registration's reference, then the number is taken and saved, the decision
/// in the name of the registrar who approved. A rejected record (rejected while the approval was
/// interrupted), or one whose registry call is now refused, has the registry's change undone: the
/// child voided (KIDC voided, never reused), the death reverted. Each step is audited.
/// </summary>
internal sealed class ApprovalRecovery(CivilDbContext db, Approvals approvals, IAuditLog audit, TimeProvider clock)
{
    public const int Page = 100;

    public static readonly Actor RecoveryActor = Actor.Platform("civil-approval-recovery");

    /// <summary>Recovers every intent older than <paramref name="olderThan"/>; the number of records finished.</summary>
    public async Task<int> RunAsync(TimeSpan olderThan, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - olderThan;
        var ids = await db.Registrations.AsNoTracking()
            .Where(r => r.ApprovalStartedAt != null && r.ApprovalStartedAt <= cutoff)
            .OrderBy(r => r.ApprovalStartedAt)
            .Select(r => r.Id)
            .Take(Page)
            .ToListAsync(ct);
        var done = 0;
        foreach (var id in ids)
        {
            if (await RecoverAsync(id, cutoff, ct))
            {
                done++;
            }
        }

        return done;
    }

    private async Task<bool> RecoverAsync(Guid id, DateTimeOffset cutoff, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var r = await db.Registrations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r?.ApprovalStartedAt is not { } started || started > cutoff)
        {
            return false;
        }

        // Taken with the revision check, so two hosts never recover the same record together.
        r.ApprovalStartedAt = clock.GetUtcNow();
        r.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        var what = RegistrationRecords.Kind(r.Event);
        if (r.Status == RegistrationStatus.Verified)
        {
            var (refused, subjectKidc) = await approvals.ApplyToRegistryAsync(r, RecoveryActor, ct);
            if (refused is null)
            {
                var approved = await approvals.FinishApprovalAsync(r, subjectKidc, RecoveryActor, r.ApprovalStartedByName ?? "",
                    "completed after an interrupted approval", ct);
                if (approved.IsOk)
                {
                    await audit.AppendAsync(new AuditEvent(RecoveryActor, $"civil.{what}.approval.recovered", "registration", r.Id.ToString(),
                        "civil registration: interrupted approval completed"), ct);
                }

                return approved.IsOk;
            }

            // The registry now refuses (for example the child was voided): the record stays to be
            // decided again, and whatever the registry holds of it is undone.
            db.ChangeTracker.Clear();
            r = await db.Registrations.FirstAsync(x => x.Id == id, ct);
        }

        if (r.Status == RegistrationStatus.Approved)
        {
            return await ClearAsync(r, ct);
        }

        if (!await approvals.UndoInRegistryAsync(r, RecoveryActor,
                r.Status == RegistrationStatus.Rejected ? "registration rejected" : "interrupted approval not completed", ct))
        {
            return false;
        }

        await audit.AppendAsync(new AuditEvent(RecoveryActor, $"civil.{what}.approval.undone", "registration", r.Id.ToString(),
            "civil registration: interrupted approval undone in the Population Registry",
            AuditDetails.Of(new { status = r.Status.ToString() })), ct);
        return await ClearAsync(r, ct);
    }

    private async Task<bool> ClearAsync(RegistrationEntity r, CancellationToken ct)
    {
        r.ApprovalStartedAt = null;
        r.ApprovalStartedBy = null;
        r.ApprovalStartedByName = null;
        r.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}

/// <summary>Runs <see cref="ApprovalRecovery"/> at start and then every <see cref="CivilRegistrationOptions.ApprovalRecoveryIntervalSeconds"/>.</summary>
internal sealed class ApprovalRecoveryWorker(IServiceScopeFactory scopes, IOptions<CivilRegistrationOptions> options, ILogger<ApprovalRecoveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.ApprovalRecoveryIntervalSeconds));
        var after = TimeSpan.FromSeconds(Math.Max(0, options.Value.ApprovalRecoveryAfterSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var done = await scope.ServiceProvider.GetRequiredService<ApprovalRecovery>().RunAsync(after, stoppingToken);
                if (done > 0)
                {
                    logger.LogWarning("Civil registration: {Count} interrupted approvals finished.", done);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next pass tries again; the records keep their intent until then.
                logger.LogError(ex, "Civil registration: the recovery of interrupted approvals failed.");
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
