using CallTranscription.Infrastructure.Persistence.Postgres;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using CallTranscription.Infrastructure.Persistence.SqlServer;

namespace CallTranscription.Infrastructure.Persistence.Resilience;

/// <summary>Classifies database exceptions for the retry pipeline; each provider knows its own errors.</summary>
internal static class DatabaseFaults
{
    /// <summary>Another writer got there first (same call, same sequence number, same turn): re-running resolves it.</summary>
    public static bool IsConflict(Exception exception) => Causes(exception).Any(cause =>
        SqliteFaults.IsConflict(cause) || PostgresFaults.IsConflict(cause) || SqlServerFaults.IsConflict(cause));

    /// <summary>The database is briefly unavailable or busy: retrying later may succeed.</summary>
    public static bool IsTransient(Exception exception) => Causes(exception).Any(cause =>
        cause is TimeoutException || SqliteFaults.IsTransient(cause) || PostgresFaults.IsTransient(cause) || SqlServerFaults.IsTransient(cause));

    // EF and the providers wrap the database's own exception (DbUpdateException, InvalidOperationException, ...).
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }
}
