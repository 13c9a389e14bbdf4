namespace Nokor.Platform.Data;

/// <summary>The database engines Nokor runs on: SQLite is the embedded default, PostgreSQL is production.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
