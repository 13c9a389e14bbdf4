using Microsoft.Data.Sqlite;
using Nokor.Platform.Data;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Npgsql;
using NpgsqlTypes;

namespace Nokor.Population.Generation;

/// <summary>
/// Stores generated persons straight into the Population Registry tables, batch by batch,
/// without Entity Framework: the five tables (pop_persons, pop_issued_kidcs,
/// pop_person_documents, pop_person_versions, and pop_person_spouses for the couples) get exactly
/// the columns the migrations create.
/// Each batch is one transaction on one connection: a run interrupted by a failure or a kill
/// leaves whole batches (every person with their KIDC, version and documents) and nothing of the
/// batch it was writing.
/// </summary>
internal abstract class PopulationBulkWriter : IAsyncDisposable
{
    public abstract Task WriteAsync(IReadOnlyList<SyntheticPerson> batch, DateTimeOffset at, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    public static async Task<PopulationBulkWriter> OpenAsync(DatabaseSettings settings, CancellationToken ct) =>
        settings.Provider switch
        {
            DatabaseProvider.Postgres => await PostgresPopulationWriter.OpenAsync(settings.ConnectionString, ct),
            DatabaseProvider.Sqlite => await SqlitePopulationWriter.OpenAsync(settings.ConnectionString, ct),
            _ => throw new InvalidOperationException($"Unknown provider {settings.Provider}."),
        };

    protected static string Text(Sex sex) => sex == Sex.Male ? "Male" : "Female";
}

/// <summary>PostgreSQL: binary COPY into each table, the fastest way in.</summary>
internal sealed class PostgresPopulationWriter : PopulationBulkWriter
{
    private const string PersonsCopy =
        """
        COPY pop_persons ("Id", "Kidc", "Version", "SurnameKm", "GivenNameKm", "SurnameLatin", "GivenNameLatin",
            "NameKmKey", "NameLatinKey", "Sex", "BirthYear", "BirthMonth", "BirthDay", "BirthPlaceCode", "BirthCountry",
            "Nationality", "CitizenshipStatus", "MaritalStatus", "FatherKidc", "MotherKidc", "FatherNameKm", "MotherNameKm",
            "ResidenceVillageCode", "ResidenceAddress", "LifeStatus", "DeathDate", "CreatedAt", "UpdatedAt")
        FROM STDIN (FORMAT BINARY)
        """;

    private const string KidcsCopy =
        """COPY pop_issued_kidcs ("Code", "Status", "IssuedAt", "PersonId", "VoidReason") FROM STDIN (FORMAT BINARY)""";

    private const string DocumentsCopy =
        """COPY pop_person_documents ("Id", "PersonId", "Type", "Number", "IssuingSystem", "IssuedOn", "ValidUntil") FROM STDIN (FORMAT BINARY)""";

    private const string VersionsCopy =
        """
        COPY pop_person_versions ("PersonId", "Version", "At", "ActorKind", "ActorId", "Reason", "Source", "ChangedFields", "Snapshot")
        FROM STDIN (FORMAT BINARY)
        """;

    private const string SpousesCopy =
        """
        COPY pop_person_spouses ("PersonId", "PersonKidc", "SpouseKidc", "From", "MarriageReference", "StatusBefore", "Until", "EndedBy", "EndReference")
        FROM STDIN (FORMAT BINARY)
        """;

    private readonly NpgsqlConnection _connection;

    private PostgresPopulationWriter(NpgsqlConnection connection) => _connection = connection;

    public static async Task<PostgresPopulationWriter> OpenAsync(string connectionString, CancellationToken ct) =>
        new(await ConnectAsync(connectionString, ct));

    private static async Task<NpgsqlConnection> ConnectAsync(string connectionString, CancellationToken ct)
    {
        // Not pooled: the session setting below must not outlive this writer (pooled connections
        // are not reset on return, see DatabaseSettings.TunePostgres).
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand("SET synchronous_commit = off", connection))
        {
            // Only this session's commits: a crash loses at most the last whole batches of a synthetic load.
            await command.ExecuteNonQueryAsync(ct);
        }

        return connection;
    }

    /// <summary>
    /// The batch's persons, documents, issued KIDCs and versions in one transaction on one session:
    /// all of the batch commits, or none of it. (It was two sessions committing separately, which
    /// shared the index maintenance between two server processes but could leave KIDCs and
    /// versions without their person when one failed or the process was killed.)
    /// </summary>
    public override async Task WriteAsync(IReadOnlyList<SyntheticPerson> batch, DateTimeOffset at, CancellationToken ct)
    {
        var utc = at.ToUniversalTime();
        await using var transaction = await _connection.BeginTransactionAsync(ct);
        await WritePersonsAsync(_connection, batch, utc, ct);
        await WriteKidcsAndVersionsAsync(_connection, batch, utc, ct);
        await WriteSpousesAsync(_connection, batch, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task WriteSpousesAsync(NpgsqlConnection connection, IReadOnlyList<SyntheticPerson> batch, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(SpousesCopy, ct);
        foreach (var s in SyntheticRows.Spouses(batch))
        {
            copy.StartRow();
            copy.Write(s.PersonId, NpgsqlDbType.Uuid);
            copy.Write(s.PersonKidc, NpgsqlDbType.Varchar);
            copy.Write(s.SpouseKidc, NpgsqlDbType.Varchar);
            copy.Write(s.From, NpgsqlDbType.Date);
            copy.Write(s.MarriageReference, NpgsqlDbType.Varchar);
            copy.Write(nameof(MaritalStatus.NeverMarried), NpgsqlDbType.Varchar);
            WriteNullable(copy, s.Until);
            WriteNullable(copy, s.Until is null ? null : nameof(MarriageEndKind.Death));
            WriteNullable(copy, s.EndReference);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task WritePersonsAsync(NpgsqlConnection connection, IReadOnlyList<SyntheticPerson> batch, DateTimeOffset utc, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(PersonsCopy, ct))
        {
            foreach (var p in batch)
            {
                copy.StartRow();
                copy.Write(p.Id, NpgsqlDbType.Uuid);
                copy.Write(p.Kidc, NpgsqlDbType.Varchar);
                copy.Write(1, NpgsqlDbType.Integer);
                copy.Write(p.Surname.Km, NpgsqlDbType.Varchar);
                copy.Write(p.GivenName.Km, NpgsqlDbType.Varchar);
                copy.Write(p.Surname.Latin, NpgsqlDbType.Varchar);
                copy.Write(p.GivenName.Latin, NpgsqlDbType.Varchar);
                copy.Write(p.NameKmKey, NpgsqlDbType.Varchar);
                copy.Write(p.NameLatinKey, NpgsqlDbType.Varchar);
                copy.Write(Text(p.Sex), NpgsqlDbType.Varchar);
                copy.Write(p.BirthYear, NpgsqlDbType.Integer);
                WriteNullable(copy, p.BirthMonth);
                WriteNullable(copy, p.BirthDay);
                WriteNullable(copy, p.BirthPlaceCode);
                WriteNullable(copy, p.BirthCountry);
                copy.Write(p.Nationality, NpgsqlDbType.Varchar);
                copy.Write(p.CitizenshipStatus.ToString(), NpgsqlDbType.Varchar);
                copy.Write(p.MaritalStatus.ToString(), NpgsqlDbType.Varchar);
                WriteNullable(copy, p.Father?.Kidc);
                WriteNullable(copy, p.Mother?.Kidc);
                WriteNullable(copy, p.FatherNameKm);
                copy.WriteNull();
                copy.Write(p.ResidenceVillageCode, NpgsqlDbType.Varchar);
                WriteNullable(copy, p.ResidenceAddress);
                copy.Write(p.LifeStatus.ToString(), NpgsqlDbType.Varchar);
                WriteNullable(copy, p.DeathDate);
                copy.Write(utc, NpgsqlDbType.TimestampTz);
                copy.Write(utc, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(DocumentsCopy, ct))
        {
            foreach (var p in batch)
            {
                if (p.IdCardNumber is null)
                {
                    continue;
                }

                copy.StartRow();
                copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                copy.Write(p.Id, NpgsqlDbType.Uuid);
                copy.Write(nameof(DocumentType.KhmerIdCard), NpgsqlDbType.Varchar);
                copy.Write(p.IdCardNumber, NpgsqlDbType.Varchar);
                copy.Write(SyntheticRows.IdCardIssuingSystem, NpgsqlDbType.Varchar);
                WriteNullable(copy, p.IdCardIssuedOn);
                WriteNullable(copy, SyntheticRows.IdCardValidUntil(p));
            }

            await copy.CompleteAsync(ct);
        }
    }

    private static async Task WriteKidcsAndVersionsAsync(NpgsqlConnection connection, IReadOnlyList<SyntheticPerson> batch, DateTimeOffset utc, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(KidcsCopy, ct))
        {
            foreach (var p in batch)
            {
                copy.StartRow();
                copy.Write(p.Kidc, NpgsqlDbType.Varchar);
                copy.Write(nameof(KidcStatus.Assigned), NpgsqlDbType.Varchar);
                copy.Write(utc, NpgsqlDbType.TimestampTz);
                copy.Write(p.Id, NpgsqlDbType.Uuid);
                copy.WriteNull();
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(VersionsCopy, ct))
        {
            foreach (var p in batch)
            {
                copy.StartRow();
                copy.Write(p.Id, NpgsqlDbType.Uuid);
                copy.Write(1, NpgsqlDbType.Integer);
                copy.Write(utc, NpgsqlDbType.TimestampTz);
                copy.Write(SyntheticRows.ActorKind, NpgsqlDbType.Varchar);
                copy.Write(SyntheticRows.ActorId, NpgsqlDbType.Varchar);
                copy.Write(SyntheticRows.Reason, NpgsqlDbType.Varchar);
                copy.Write(SyntheticRows.Source(p).ToString(), NpgsqlDbType.Varchar);
                copy.Write("*", NpgsqlDbType.Varchar);
                copy.Write(p.Snapshot, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync(ct);
        }
    }

    public override async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Varchar);
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value.Value, NpgsqlDbType.Integer);
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value.Value, NpgsqlDbType.Date);
        }
    }
}

/// <summary>
/// SQLite: one transaction per batch with prepared INSERT commands reused for every row, and
/// <c>synchronous=NORMAL</c> (safe with WAL: a power cut may lose the last commits, never corrupt).
/// Values are bound as the text Entity Framework writes (upper-case GUIDs, ISO dates).
/// </summary>
internal sealed class SqlitePopulationWriter : PopulationBulkWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _person;
    private readonly SqliteCommand _kidc;
    private readonly SqliteCommand _document;
    private readonly SqliteCommand _version;
    private readonly SqliteCommand _spouse;

    private SqlitePopulationWriter(SqliteConnection connection)
    {
        _connection = connection;
        _person = Prepare(connection, "pop_persons",
            "Id", "Kidc", "Version", "SurnameKm", "GivenNameKm", "SurnameLatin", "GivenNameLatin", "NameKmKey", "NameLatinKey",
            "Sex", "BirthYear", "BirthMonth", "BirthDay", "BirthPlaceCode", "BirthCountry", "Nationality", "CitizenshipStatus",
            "MaritalStatus", "FatherKidc", "MotherKidc", "FatherNameKm", "MotherNameKm", "ResidenceVillageCode",
            "ResidenceAddress", "LifeStatus", "DeathDate", "CreatedAt", "UpdatedAt");
        _kidc = Prepare(connection, "pop_issued_kidcs", "Code", "Status", "IssuedAt", "PersonId", "VoidReason");
        _document = Prepare(connection, "pop_person_documents", "Id", "PersonId", "Type", "Number", "IssuingSystem", "IssuedOn", "ValidUntil");
        _version = Prepare(connection, "pop_person_versions",
            "PersonId", "Version", "At", "ActorKind", "ActorId", "Reason", "Source", "ChangedFields", "Snapshot");
        _spouse = Prepare(connection, "pop_person_spouses",
            "PersonId", "PersonKidc", "SpouseKidc", "From", "MarriageReference", "StatusBefore", "Until", "EndedBy", "EndReference");
    }

    public static async Task<SqlitePopulationWriter> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        return new SqlitePopulationWriter(connection);
    }

    public override async Task WriteAsync(IReadOnlyList<SyntheticPerson> batch, DateTimeOffset at, CancellationToken ct)
    {
        var atText = DateTimeOffsetText(at);
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(ct);
        _person.Transaction = _kidc.Transaction = _document.Transaction = _version.Transaction = _spouse.Transaction = transaction;
        foreach (var p in batch)
        {
            ct.ThrowIfCancellationRequested();
            var id = GuidText(p.Id);
            var v = _person.Parameters;
            v[0].Value = id;
            v[1].Value = p.Kidc;
            v[2].Value = 1;
            v[3].Value = p.Surname.Km;
            v[4].Value = p.GivenName.Km;
            v[5].Value = p.Surname.Latin;
            v[6].Value = p.GivenName.Latin;
            v[7].Value = p.NameKmKey;
            v[8].Value = p.NameLatinKey;
            v[9].Value = Text(p.Sex);
            v[10].Value = p.BirthYear;
            v[11].Value = (object?)p.BirthMonth ?? DBNull.Value;
            v[12].Value = (object?)p.BirthDay ?? DBNull.Value;
            v[13].Value = (object?)p.BirthPlaceCode ?? DBNull.Value;
            v[14].Value = (object?)p.BirthCountry ?? DBNull.Value;
            v[15].Value = p.Nationality;
            v[16].Value = p.CitizenshipStatus.ToString();
            v[17].Value = p.MaritalStatus.ToString();
            v[18].Value = (object?)p.Father?.Kidc ?? DBNull.Value;
            v[19].Value = (object?)p.Mother?.Kidc ?? DBNull.Value;
            v[20].Value = (object?)p.FatherNameKm ?? DBNull.Value;
            v[21].Value = DBNull.Value;
            v[22].Value = p.ResidenceVillageCode;
            v[23].Value = (object?)p.ResidenceAddress ?? DBNull.Value;
            v[24].Value = p.LifeStatus.ToString();
            v[25].Value = p.DeathDate is { } death ? DateText(death) : DBNull.Value;
            v[26].Value = atText;
            v[27].Value = atText;
            _person.ExecuteNonQuery();

            var k = _kidc.Parameters;
            k[0].Value = p.Kidc;
            k[1].Value = nameof(KidcStatus.Assigned);
            k[2].Value = atText;
            k[3].Value = id;
            k[4].Value = DBNull.Value;
            _kidc.ExecuteNonQuery();

            if (p.IdCardNumber is not null)
            {
                var d = _document.Parameters;
                d[0].Value = GuidText(Guid.CreateVersion7());
                d[1].Value = id;
                d[2].Value = nameof(DocumentType.KhmerIdCard);
                d[3].Value = p.IdCardNumber;
                d[4].Value = SyntheticRows.IdCardIssuingSystem;
                d[5].Value = DateText(p.IdCardIssuedOn!.Value);
                d[6].Value = DateText(SyntheticRows.IdCardValidUntil(p)!.Value);
                _document.ExecuteNonQuery();
            }

            var r = _version.Parameters;
            r[0].Value = id;
            r[1].Value = 1;
            r[2].Value = atText;
            r[3].Value = SyntheticRows.ActorKind;
            r[4].Value = SyntheticRows.ActorId;
            r[5].Value = SyntheticRows.Reason;
            r[6].Value = SyntheticRows.Source(p).ToString();
            r[7].Value = "*";
            r[8].Value = p.Snapshot;
            _version.ExecuteNonQuery();
        }

        foreach (var s in SyntheticRows.Spouses(batch))
        {
            var l = _spouse.Parameters;
            l[0].Value = GuidText(s.PersonId);
            l[1].Value = s.PersonKidc;
            l[2].Value = s.SpouseKidc;
            l[3].Value = DateText(s.From);
            l[4].Value = s.MarriageReference;
            l[5].Value = nameof(MaritalStatus.NeverMarried);
            l[6].Value = s.Until is { } until ? DateText(until) : DBNull.Value;
            l[7].Value = s.Until is null ? DBNull.Value : nameof(MarriageEndKind.Death);
            l[8].Value = (object?)s.EndReference ?? DBNull.Value;
            _spouse.ExecuteNonQuery();
        }

        await transaction.CommitAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await _person.DisposeAsync();
        await _kidc.DisposeAsync();
        await _document.DisposeAsync();
        await _version.DisposeAsync();
        await _spouse.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        }

        return command;
    }

    // The text forms EF Core's SQLite provider reads and writes.
    private static string GuidText(Guid id) => id.ToString().ToUpperInvariant();

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string DateTimeOffsetText(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);
}
