using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>The Database section and its connection string, checked at start: each failure names its key, never a value.</summary>
internal sealed partial class DatabaseOptionsValidator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    private const string ConnectionStringKey = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}";

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        Check(failures, Enum.IsDefined(options.Provider), $"Database:Provider must be one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        failures.AddRange(new[] { ConnectionStringProblem(options.Provider, configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)), SchemaProblem(options) }
            .OfType<string>());
        Check(failures, options.StartupTimeout >= TimeSpan.Zero && options.StartupTimeout <= TimeSpan.FromMinutes(10), "Database:StartupTimeout must be between 00:00:00 and 00:10:00.");
        Check(failures, options.Retry.MaxAttempts is >= 1 and <= 10, "Database:Retry:MaxAttempts must be between 1 and 10.");
        Check(failures, options.Retry.BaseDelay > TimeSpan.Zero && options.Retry.BaseDelay <= TimeSpan.FromSeconds(30), "Database:Retry:BaseDelay must be greater than 00:00:00 and at most 00:00:30.");
        Check(failures, options.Retry.MaxConflictRetries is >= 1 and <= 1000, "Database:Retry:MaxConflictRetries must be between 1 and 1000.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, bool valid, string failure)
    {
        if (!valid)
        {
            failures.Add(failure);
        }
    }

    private static string? SchemaProblem(DatabaseOptions options) => string.IsNullOrWhiteSpace(options.Schema) ? null : options.Provider switch
    {
        DatabaseProvider.Sqlite => "Database:Schema is not supported on Sqlite; leave it unset.",
        DatabaseProvider.SqlServer => "Database:Schema is not supported on SqlServer; leave it unset and make the schema the database user's default (ALTER USER ... WITH DEFAULT_SCHEMA).",
        _ when !PlainIdentifier().IsMatch(options.Schema) => "Database:Schema must be a plain identifier: a letter or underscore, then letters, digits or underscores (at most 63).",
        _ => null,
    };

    private static string? ConnectionStringProblem(DatabaseProvider provider, string? connectionString)
    {
        if (connectionString is null)
        {
            return provider == DatabaseProvider.Sqlite ? null : $"{ConnectionStringKey} is required when Database:Provider is {provider}.";
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"{ConnectionStringKey} is empty; set it, or leave it out to use the default on Sqlite ({DatabaseOptions.DefaultSqliteConnectionString}).";
        }

        try
        {
            // The provider's own parser; its message is not repeated, since the string may hold a password.
            object parsed = provider switch
            {
                DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(connectionString),
                DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(connectionString),
                _ => new NpgsqlConnectionStringBuilder(connectionString),
            };
            return parsed is SqliteConnectionStringBuilder sqlite && IsTemporary(sqlite)
                ? $"{ConnectionStringKey} names no database file (its Data Source is empty or in memory), so every connection would open an empty database of its own."
                : null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException)
        {
            return $"{ConnectionStringKey} is not a valid {provider} connection string.";
        }
    }

    private static bool IsTemporary(SqliteConnectionStringBuilder sqlite) =>
        string.IsNullOrWhiteSpace(sqlite.DataSource) || sqlite.DataSource == ":memory:" || sqlite.Mode == SqliteOpenMode.Memory;

    // The schema is written into DDL and the row-lock query (delimited), so only plain names are accepted.
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
