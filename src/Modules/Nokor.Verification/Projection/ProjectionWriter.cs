using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nokor.Platform.Khmer;
using Nokor.Population.Contracts;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;

namespace Nokor.Verification.Projection;

/// <summary>
/// Writes person facts into the read store: one multi-row upsert per call, which replaces a row
/// only with a newer version, so applying a change twice or out of order is harmless.
/// </summary>
internal static class ProjectionWriter
{
    public const int RowsPerStatement = 400;

    private static readonly string[] Columns =
    [
        "PersonId", "Kidc", "Version", "SurnameKm", "GivenNameKm", "SurnameLatin", "GivenNameLatin",
        "SurnameKmKey", "GivenNameKmKey", "SurnameLatinKey", "GivenNameLatinKey", "Sex", "BirthYear", "BirthMonth",
        "BirthDay", "BirthPlaceCode", "BirthCountry", "Nationality", "ResidenceVillageCode", "Alive", "DeathDate",
        "SourceAtMs", "ProjectedAtMs",
    ];

    public static async Task UpsertAsync(VerificationDbContext db, IReadOnlyList<(PersonFacts Facts, long SourceAtMs)> rows, long nowMs, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        // A person whose KIDC was replaced would collide with nobody (codes are never reused), but the
        // same person twice in one statement would: keep the newest version of each.
        var unique = rows.GroupBy(r => r.Facts.PersonId).Select(g => g.MaxBy(r => r.Facts.Version)).ToList();
        for (var start = 0; start < unique.Count; start += RowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var sql = new StringBuilder("INSERT INTO vrf_persons (");
            sql.AppendJoin(", ", Columns.Select(c => $"\"{c}\"")).Append(") VALUES");
            var p = new Parameters(command, sql, postgres);
            var end = Math.Min(unique.Count, start + RowsPerStatement);
            for (var i = start; i < end; i++)
            {
                var (f, sourceAt) = unique[i];
                sql.Append(i == start ? "\n(" : ",\n(");
                p.Add(f.PersonId, first: true);
                p.Add(f.Kidc);
                p.Add(f.Version);
                p.Add(f.SurnameKm);
                p.Add(f.GivenNameKm);
                p.Add(f.SurnameLatin);
                p.Add(f.GivenNameLatin);
                p.Add(NameKeys.KhmerKey(f.SurnameKm));
                p.Add(NameKeys.KhmerKey(f.GivenNameKm));
                p.Add(NameKeys.LatinKey(f.SurnameLatin));
                p.Add(NameKeys.LatinKey(f.GivenNameLatin));
                p.Add(f.Sex == Sex.Female ? "F" : "M");
                p.Add(f.BirthYear);
                p.Add(f.BirthMonth);
                p.Add(f.BirthDay);
                p.Add(f.BirthPlaceCode);
                p.Add(f.BirthCountry);
                p.Add(f.Nationality);
                p.Add(f.ResidenceVillageCode);
                p.Add(f.LifeStatus == LifeStatus.Alive);
                p.Add(f.DeathDate);
                p.Add(sourceAt);
                p.Add(nowMs);
                sql.Append(')');
            }

            sql.Append("\nON CONFLICT (\"PersonId\") DO UPDATE SET ");
            sql.AppendJoin(", ", Columns.Skip(1).Select(c => $"\"{c}\" = excluded.\"{c}\""));
            sql.Append(" WHERE vrf_persons.\"Version\" < excluded.\"Version\"");
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
