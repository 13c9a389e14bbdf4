using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Data;

namespace Nokor.Platform.Audit;

/// <summary>Reads of the audit chain for the screens that show who saw or changed a record.</summary>
public static class AuditQueries
{
    public const int MaxLimit = 1_000;

    /// <summary>The latest entries about one subject (for example a person), newest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(
        PlatformDbContext db, string subjectType, string subjectId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(subjectType);
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);

        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId)
            .OrderByDescending(e => e.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }
}
