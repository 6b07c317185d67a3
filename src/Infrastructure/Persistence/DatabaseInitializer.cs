using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.Persistence;

public static partial class DatabaseInitializer
{
    /// <summary>
    /// Waits (up to Database:StartupTimeout) for the database to answer, applying pending migrations when asked —
    /// which also creates the SQLite file or the PostgreSQL database. False when it never became ready.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this IServiceProvider services, bool migrate, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!migrate && options.StartupTimeout == TimeSpan.Zero)
        {
            return true; // told not to wait: serve, and let /health/ready report the database
        }

        var timeProvider = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer).FullName!);
        var started = timeProvider.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var database = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database;
                if (migrate)
                {
                    if (database.IsNpgsql())
                    {
                        await database.CreateMigrationHistoryAsync(cancellationToken);
                    }

                    await database.MigrateAsync(cancellationToken);
                    LogMigrated(logger, options.Provider);
                }
                else
                {
                    await database.ProbeAsync(cancellationToken);
                }

                if (database.IsSqlite())
                {
                    // Persistent in the file: readers never block the writer, and a commit is one append + fsync.
                    await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                }

                return true;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (timeProvider.GetElapsedTime(started) >= options.StartupTimeout)
                {
                    LogGaveUp(logger, options.Provider, options.StartupTimeout, attempt, exception.GetType().Name, exception.Message);
                    return false;
                }

                LogWaiting(logger, options.Provider, attempt, exception.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} database migrated")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} database not ready (attempt {Attempt}, {Error}); retrying")]
    private static partial void LogWaiting(ILogger logger, DatabaseProvider provider, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Startup failed: the {Provider} database was not ready within {Timeout} ({Attempts} attempts; last error {Error}: {Detail})")]
    private static partial void LogGaveUp(ILogger logger, DatabaseProvider provider, TimeSpan timeout, int attempts, string error, string detail);
}
