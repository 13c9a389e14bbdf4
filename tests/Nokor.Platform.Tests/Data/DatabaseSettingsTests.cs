using Microsoft.Extensions.Configuration;
using Npgsql;
using Nokor.Platform.Data;

namespace Nokor.Platform.Tests.Data;

public sealed class DatabaseSettingsTests
{
    private static NpgsqlConnectionStringBuilder Tuned(string connectionString) => new(DatabaseSettings.TunePostgres(connectionString));

    [Fact]
    public void A_postgres_connection_string_gets_prepared_statements_and_no_reset_on_close()
    {
        var tuned = Tuned("Host=db;Username=nokor;Database=nokor");
        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("nokor", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("Host=db;max auto prepare=0;no reset on close=False")]
    public void What_the_connection_string_says_wins_under_any_spelling(string connectionString)
    {
        var tuned = Tuned(connectionString);
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void Sets_tells_a_written_keyword_from_one_npgsql_merely_knows()
    {
        // The Npgsql builder answers true for any keyword it knows; this is why Sets exists.
        Assert.True(new NpgsqlConnectionStringBuilder("Host=db").ContainsKey("Maximum Pool Size"));
        Assert.False(DatabaseSettings.Sets("Host=db", "Maximum Pool Size", "MaxPoolSize"));
        Assert.True(DatabaseSettings.Sets("Host=db;Maximum Pool Size=5", "Maximum Pool Size", "MaxPoolSize"));
        Assert.True(DatabaseSettings.Sets("Host=db;MaxPoolSize=5", "Maximum Pool Size", "MaxPoolSize"));
    }

    [Fact]
    public void The_settings_read_from_configuration_are_tuned_for_postgres_and_left_alone_for_sqlite()
    {
        static DatabaseSettings From(string provider, string cs) => DatabaseSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider, ["ConnectionStrings:Nokor"] = cs }).Build());
        Assert.True(new NpgsqlConnectionStringBuilder(From("Postgres", "Host=db").ConnectionString).NoResetOnClose);
        Assert.Equal("Data Source=x.db", From("Sqlite", "Data Source=x.db").ConnectionString);
    }
}
