using Microsoft.Extensions.Configuration;

namespace Nokor.Platform.Data;

/// <summary>
/// Reads <c>Database:Provider</c> and <c>ConnectionStrings:Nokor</c> (or their environment forms
/// <c>Database__Provider</c> and <c>ConnectionStrings__Nokor</c>).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "data/nokor.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) ||
                 !Enum.IsDefined(provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider must be 'Sqlite' or 'Postgres', not '{providerText}'.");
        }

        var connectionString = configuration.GetConnectionString("Nokor");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    "ConnectionStrings:Nokor is required when Database:Provider is Postgres.");
            }

            connectionString = $"Data Source={DefaultSqlitePath}";
        }

        return new DatabaseSettings(provider, provider == DatabaseProvider.Postgres ? TunePostgres(connectionString) : connectionString);
    }

    /// <summary>
    /// Npgsql defaults that fit this application, unless the connection string sets them: prepare
    /// the statements used most on each connection (<c>Max Auto Prepare</c>), and skip the
    /// <c>DISCARD ALL</c> sent each time a pooled connection is reused (<c>No Reset On Close</c>):
    /// no code leaves session state behind (the audit writer's lock is transaction-scoped). The
    /// civil registration benchmark measured 5.2 → 3.6 ms of database time per request.
    /// </summary>
    public static string TunePostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 32;
        }

        if (!builder.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
