using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Data;

namespace Nokor.Platform.Gazetteer;

/// <summary>Where an import stands: <paramref name="Done"/> of <paramref name="Total"/> units of the current step.</summary>
public sealed record GazetteerImportProgress(string Step, int Done, int Total);

/// <summary>What an import did. Codes already in the table but absent from the workbook are kept
/// (<see cref="Retained"/>), since records elsewhere may still refer to them.</summary>
public sealed record GazetteerImportResult(
    int Read, int Inserted, int Updated, int Unchanged, int Retained, IReadOnlyList<NcddReadIssue> Issues);

public static class GazetteerLoader
{
    private const int ProgressStep = 500;

    /// <summary>
    /// Loads the gazetteer shipped in this assembly when the table is empty, so a new database has
    /// places before anyone asks for one. Returns the number of units inserted (0 when already loaded).
    /// </summary>
    public static async Task<int> EnsureLoadedAsync(PlatformDbContext db, CancellationToken ct = default)
    {
        if (await db.GazetteerUnits.AnyAsync(ct))
        {
            return 0;
        }

        var units = GazetteerDataFile.ReadEmbedded();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.GazetteerUnits.AddRange(units);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return units.Count;
    }

    /// <summary>
    /// Reads an NCDD workbook and upserts it: new codes are inserted, names and type words of known
    /// codes are updated, and no code is ever deleted (records may refer to abolished units).
    /// </summary>
    /// <exception cref="FileNotFoundException">The workbook does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not an .xlsx workbook.</exception>
    public static async Task<GazetteerImportResult> ImportAsync(
        PlatformDbContext db, string xlsxPath, IProgress<GazetteerImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!File.Exists(xlsxPath))
        {
            throw new FileNotFoundException($"Gazetteer workbook '{xlsxPath}' does not exist.", xlsxPath);
        }

        progress?.Report(new("Reading workbook", 0, 1));
        var workbook = NcddWorkbookReader.Read(xlsxPath);
        progress?.Report(new("Reading workbook", 1, 1));
        ct.ThrowIfCancellationRequested();
        return await UpsertAsync(db, workbook.Units, workbook.Issues, progress, ct);
    }

    internal static async Task<GazetteerImportResult> UpsertAsync(
        PlatformDbContext db, IReadOnlyList<GazetteerUnit> units, IReadOnlyList<NcddReadIssue> issues,
        IProgress<GazetteerImportProgress>? progress, CancellationToken ct)
    {
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var existing = await db.GazetteerUnits.AsTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
            int inserted = 0, updated = 0, unchanged = 0, done = 0;
            foreach (var unit in units)
            {
                if (existing.TryGetValue(unit.Code, out var current))
                {
                    if (Copy(unit, current))
                    {
                        db.Entry(current).State = EntityState.Modified;
                        updated++;
                    }
                    else
                    {
                        unchanged++;
                    }
                }
                else
                {
                    db.GazetteerUnits.Add(unit);
                    inserted++;
                }

                if (++done % ProgressStep == 0 || done == units.Count)
                {
                    progress?.Report(new("Comparing with the database", done, units.Count));
                }
            }

            var incoming = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
            var retained = existing.Keys.Count(code => !incoming.Contains(code));

            progress?.Report(new("Saving", 0, 1));
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            progress?.Report(new("Saving", 1, 1));

            return new GazetteerImportResult(units.Count, inserted, updated, unchanged, retained, issues);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static bool Copy(GazetteerUnit from, GazetteerUnit to)
    {
        if (to.Level == from.Level && to.ParentCode == from.ParentCode && to.NameKm == from.NameKm
            && to.NameLatin == from.NameLatin && to.TypeKm == from.TypeKm && to.TypeLatin == from.TypeLatin)
        {
            return false;
        }

        to.Level = from.Level;
        to.ParentCode = from.ParentCode;
        to.NameKm = from.NameKm;
        to.NameLatin = from.NameLatin;
        to.TypeKm = from.TypeKm;
        to.TypeLatin = from.TypeLatin;
        return true;
    }
}
