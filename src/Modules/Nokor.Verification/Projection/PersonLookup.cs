using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Nokor.Platform.Data;
using Nokor.Verification.Data;
using Npgsql;

namespace Nokor.Verification.Projection;

/// <summary>
/// The one read on the verification hot path, by KIDC, without EF Core: a profile of the service
/// at 2,000 queries/s showed a third of the host's CPU going into setting up a DbContext per
/// query. On PostgreSQL it uses its own data source (the statement is prepared on each pooled
/// connection after a few uses); on SQLite a pooled connection per call.
/// </summary>
internal sealed class PersonLookup : IAsyncDisposable
{
    private const string Columns =
        "\"PersonId\", \"Kidc\", \"Version\", \"SurnameKm\", \"GivenNameKm\", \"SurnameLatin\", \"GivenNameLatin\", " +
        "\"SurnameKmKey\", \"GivenNameKmKey\", \"SurnameLatinKey\", \"GivenNameLatinKey\", \"Sex\", \"BirthYear\", \"BirthMonth\", " +
        "\"BirthDay\", \"BirthPlaceCode\", \"BirthCountry\", \"Nationality\", \"ResidenceVillageCode\", \"Alive\", \"DeathDate\", " +
        "\"SourceAtMs\", \"ProjectedAtMs\"";

    private const string ByKidcSql = "SELECT " + Columns + " FROM vrf_persons WHERE \"Kidc\" = @kidc";

    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    public PersonLookup(DatabaseSettings settings, IConfiguration configuration)
    {
        var own = configuration.GetConnectionString(VerificationModule.ConnectionName);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // A small pool of its own: two cores gain nothing from more look-ups at once, and the
            // rest of the host (its EF pool) must still get connections under PostgreSQL's
            // max_connections; requests beyond it wait for a connection instead of failing.
            var connectionString = string.IsNullOrWhiteSpace(own) ? settings.ConnectionString : DatabaseSettings.TunePostgres(own);
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (configuration.GetValue<int?>("Verification:LookupConnections") is { } size and > 0)
            {
                builder.MaxPoolSize = size;
            }
            else if (!DatabaseSettings.Sets(connectionString, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
            {
                builder.MaxPoolSize = 16;
            }

            _postgres = NpgsqlDataSource.Create(builder.ConnectionString);
        }
        else
        {
            _sqlite = string.IsNullOrWhiteSpace(own) ? settings.ConnectionString : own;
        }
    }

    public async Task<PersonFactsEntity?> FindAsync(string kidc, CancellationToken ct)
    {
        if (_postgres is not null)
        {
            await using var command = _postgres.CreateCommand(ByKidcSql);
            command.Parameters.AddWithValue("kidc", kidc);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader, postgres: true) : null;
        }

        await using var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(ct);
        await using var sqlite = connection.CreateCommand();
        sqlite.CommandText = ByKidcSql;
        sqlite.Parameters.AddWithValue("@kidc", kidc);
        await using var rows = await sqlite.ExecuteReaderAsync(ct);
        return await rows.ReadAsync(ct) ? Read(rows, postgres: false) : null;
    }

    private static PersonFactsEntity Read(DbDataReader r, bool postgres) => new()
    {
        PersonId = postgres ? r.GetGuid(0) : Guid.Parse(r.GetString(0)),
        Kidc = r.GetString(1),
        Version = r.GetInt32(2),
        SurnameKm = r.GetString(3),
        GivenNameKm = r.GetString(4),
        SurnameLatin = r.GetString(5),
        GivenNameLatin = r.GetString(6),
        SurnameKmKey = r.GetString(7),
        GivenNameKmKey = r.GetString(8),
        SurnameLatinKey = r.GetString(9),
        GivenNameLatinKey = r.GetString(10),
        Sex = r.GetString(11),
        BirthYear = r.GetInt32(12),
        BirthMonth = r.IsDBNull(13) ? null : r.GetInt32(13),
        BirthDay = r.IsDBNull(14) ? null : r.GetInt32(14),
        BirthPlaceCode = r.IsDBNull(15) ? null : r.GetString(15),
        BirthCountry = r.IsDBNull(16) ? null : r.GetString(16),
        Nationality = r.GetString(17),
        ResidenceVillageCode = r.GetString(18),
        Alive = r.GetBoolean(19),
        DeathDate = r.IsDBNull(20) ? null : postgres ? r.GetFieldValue<DateOnly>(20) : DateOnly.Parse(r.GetString(20), System.Globalization.CultureInfo.InvariantCulture),
        SourceAtMs = r.GetInt64(21),
        ProjectedAtMs = r.GetInt64(22),
    };

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
