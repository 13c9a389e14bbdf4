using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Population.Kidc;

/// <summary>
/// The only place KIDCs are issued (NSPI 6.3: "generated exclusively by the Population
/// Identification System"). Every code ever issued stays in <c>pop_issued_kidcs</c>, voided ones
/// included, and a new code is checked against all of them: a code is never reused, even after
/// its holder's death or after it was voided.
/// </summary>
internal sealed class KidcService(PopulationDbContext db, KidcGenerator generator, TimeProvider clock)
{
    /// <summary>Draws tried for one code before giving up (a collision is about one in ten million today).</summary>
    public const int MaxAttempts = 50;

    /// <summary>Codes checked against the table per query in <see cref="IssueManyAsync"/>.</summary>
    public const int CheckBatch = IKidcIssuance.CheckBatch;

    /// <summary>
    /// A new unique code for the person, added to the caller's context (not saved): the caller
    /// saves it in the same transaction as the person, and the table's primary key refuses a
    /// concurrent duplicate.
    /// </summary>
    public async Task<string> IssueAsync(KidcCategory category, Guid personId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var code = generator.Next(category);
            if (db.IssuedKidcs.Local.Any(k => k.Code == code) || await db.IssuedKidcs.AnyAsync(k => k.Code == code, ct))
            {
                continue;
            }

            db.IssuedKidcs.Add(new IssuedKidcEntity
            {
                Code = code, Status = KidcStatus.Assigned, IssuedAt = clock.GetUtcNow(), PersonId = personId,
            });
            return code;
        }

        throw new InvalidOperationException($"No free KIDC found in {MaxAttempts} draws; the code space is nearly exhausted.");
    }

    /// <summary>
    /// <paramref name="count"/> codes unique among themselves and among every code ever issued
    /// (including those added to this context and not yet saved), for bulk loads. Candidates are
    /// drawn in memory and checked against the table <see cref="CheckBatch"/> at a time; nothing is
    /// added to the context: the caller stores the codes.
    /// </summary>
    public async Task<IReadOnlyList<string>> IssueManyAsync(KidcCategory category, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new List<string>(count);
        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        foreach (var local in db.IssuedKidcs.Local)
        {
            seen.Add(local.Code);
        }

        var candidates = new List<string>(Math.Min(CheckBatch, count));
        var fruitless = 0;
        while (result.Count < count)
        {
            candidates.Clear();
            var wanted = Math.Min(CheckBatch, count - result.Count);
            while (candidates.Count < wanted)
            {
                var code = generator.Next(category);
                if (seen.Add(code))
                {
                    candidates.Add(code);
                    fruitless = 0;
                }
                else if (++fruitless > MaxAttempts * CheckBatch)
                {
                    throw new InvalidOperationException($"Only {result.Count + candidates.Count} of {count} new KIDCs found; the code space is nearly exhausted.");
                }
            }

            var taken = await FindIssuedAsync(candidates, ct);
            if (taken.Count == 0)
            {
                result.AddRange(candidates);
            }
            else
            {
                var takenSet = taken.ToHashSet(StringComparer.Ordinal);
                result.AddRange(candidates.Where(c => !takenSet.Contains(c)));
            }
        }

        return result;
    }

    /// <summary>
    /// The codes among <paramref name="codes"/> already in <c>pop_issued_kidcs</c>, in one primary
    /// key lookup per code: a lateral probe for each element of one array parameter on PostgreSQL, a join of
    /// <c>json_each(@codes)</c> to the table on SQLite (one parameter either way, so thousands of
    /// codes per query cost no parameter binding).
    /// </summary>
    private async Task<List<string>> FindIssuedAsync(List<string> codes, CancellationToken ct)
    {
        var taken = new List<string>();
        if (codes.Count == 0)
        {
            return taken;
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (db.Database.IsNpgsql())
            {
                // One primary-key probe per code. With a plain "= ANY(@codes)" the planner may
                // judge a 5,000-element array dearer to probe than to hash, and scan the whole
                // table instead (seen at 1M codes: ~100 ms a batch instead of ~10 ms).
                command.CommandText = """
                    SELECT k."Code" FROM unnest(@codes) AS c(code)
                    CROSS JOIN LATERAL (SELECT "Code" FROM pop_issued_kidcs WHERE "Code" = c.code) AS k
                    """;
                var parameter = command.CreateParameter();
                parameter.ParameterName = "codes";
                parameter.Value = codes.ToArray();
                command.Parameters.Add(parameter);
            }
            else
            {
                // The codes go in as one JSON array; CROSS JOIN makes SQLite walk the array and
                // probe the primary key for each code (its planner would otherwise scan the table).
                command.CommandText = """
                    SELECT k."Code" FROM json_each(@codes) AS j CROSS JOIN pop_issued_kidcs AS k ON k."Code" = j.value
                    """;
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@codes";
                parameter.Value = System.Text.Json.JsonSerializer.Serialize(codes);
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                taken.Add(reader.GetString(0));
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        return taken;
    }

    /// <summary>
    /// Marks a code void (for example issued in error) and saves. The row is kept, never deleted,
    /// so the code is never issued again. False when the code was never issued.
    /// </summary>
    public async Task<bool> VoidAsync(string code, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var issued = await db.IssuedKidcs.FirstOrDefaultAsync(k => k.Code == code, ct);
        if (issued is null)
        {
            return false;
        }

        issued.Status = KidcStatus.Voided;
        issued.VoidReason = reason.Length > 300 ? reason[..300] : reason;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
