using CallTranscription.Infrastructure.Persistence.Resilience;
using CallTranscription.Infrastructure.Persistence.Schema;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>Checks the database settings before anything starts, naming the key at fault and never echoing its value.</summary>
public static partial class DatabaseConfiguration
{
    private const string ConnectionStringKey = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}";

    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var providerText = configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"];
        if (providerText is not null && !IsProviderName(providerText))
        {
            return [$"Database:Provider is '{providerText}'; expected one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}."];
        }

        DatabaseOptions options;
        try
        {
            options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        }
        catch (InvalidOperationException exception)
        {
            return [exception.Message]; // the binder names the key: "Failed to convert configuration value at 'Database:...'"
        }

        var problems = new List<string>();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (connectionString is null)
        {
            if (options.Provider != DatabaseProvider.Sqlite)
            {
                problems.Add($"{ConnectionStringKey} is required when Database:Provider is {options.Provider}.");
            }
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Add($"{ConnectionStringKey} is empty; set it, or leave it out to use the default on Sqlite ({DatabaseOptions.DefaultSqliteConnectionString}).");
        }
        else if (!IsWellFormed(options.Provider, connectionString))
        {
            problems.Add($"{ConnectionStringKey} is not a valid {options.Provider} connection string.");
        }
        else if (options.Provider == DatabaseProvider.Sqlite && IsTemporarySqlite(connectionString))
        {
            problems.Add($"{ConnectionStringKey} names no database file (its Data Source is empty or in memory), "
                + "so every connection would open an empty database of its own.");
        }

        problems.AddRange(SchemaProblems(options));
        problems.AddRange(RetryProblems(options.Retry));
        if (options.StartupTimeout < TimeSpan.Zero || options.StartupTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add("Database:StartupTimeout must be between 00:00:00 and 00:10:00.");
        }

        return problems;
    }

    private static bool IsProviderName(string value) =>
        Enum.GetNames<DatabaseProvider>().Contains(value, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> SchemaProblems(DatabaseOptions options)
    {
        if (DatabaseSchema.From(options.Schema).Name is not { } schema)
        {
            yield break;
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            yield return "Database:Schema is not supported on Sqlite; leave it unset.";
        }
        else if (options.Provider == DatabaseProvider.SqlServer)
        {
            yield return "Database:Schema is not supported on SqlServer; leave it unset and make the schema the database user's default (ALTER USER ... WITH DEFAULT_SCHEMA).";
        }
        else if (!PlainIdentifier().IsMatch(schema))
        {
            yield return "Database:Schema must be a plain identifier: a letter or underscore, then letters, digits or underscores (at most 63).";
        }
    }

    // The schema is written into DDL and the row-lock query (delimited), so only plain names are accepted.
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();

    private static IEnumerable<string> RetryProblems(DatabaseRetryOptions retry)
    {
        if (retry.MaxAttempts is < 1 or > 10)
        {
            yield return "Database:Retry:MaxAttempts must be between 1 and 10.";
        }

        if (retry.BaseDelay <= TimeSpan.Zero || retry.BaseDelay > TimeSpan.FromSeconds(30))
        {
            yield return "Database:Retry:BaseDelay must be greater than 00:00:00 and at most 00:00:30.";
        }

        if (retry.MaxConflictRetries is < 1 or > 1000)
        {
            yield return "Database:Retry:MaxConflictRetries must be between 1 and 1000.";
        }
    }

    private static bool IsTemporarySqlite(string connectionString)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrWhiteSpace(sqlite.DataSource) || sqlite.DataSource == ":memory:" || sqlite.Mode == SqliteOpenMode.Memory;
    }

    private static bool IsWellFormed(DatabaseProvider provider, string connectionString)
    {
        try
        {
            _ = provider switch
            {
                DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(connectionString).DataSource,
                DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(connectionString).DataSource,
                _ => new NpgsqlConnectionStringBuilder(connectionString).Host,
            };
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException)
        {
            return false;
        }
    }
}
