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

        return new DatabaseSettings(provider, connectionString);
    }
}
