using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallTranscription.Infrastructure.Persistence.Resilience;

/// <summary>Classifies database exceptions for the retry pipeline, across providers.</summary>
internal static class DatabaseFaults
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";
    private const string PostgresSerializationFailure = "40001";
    private const string PostgresDeadlockDetected = "40P01";

    /// <summary>Another writer got there first (same call, same sequence number, same turn): re-running resolves it.</summary>
    public static bool IsConflict(Exception exception) => Causes(exception).Any(cause => cause switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is 2067 /* UNIQUE */ or 1555 /* PRIMARYKEY */,
        PostgresException postgres => postgres.SqlState is PostgresUniqueViolation or PostgresSerializationFailure or PostgresDeadlockDetected,
        _ => false,
    });

    /// <summary>The database is briefly unavailable or busy: retrying later may succeed.</summary>
    public static bool IsTransient(Exception exception) => Causes(exception).Any(cause => cause switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException => true,
        _ => false,
    });

    // EF and the providers wrap the database's own exception (DbUpdateException, InvalidOperationException, ...).
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }
}
