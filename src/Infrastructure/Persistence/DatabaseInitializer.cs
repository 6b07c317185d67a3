using System.Data.Common;
using CallTranscription.Infrastructure.Persistence.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.Persistence;

public static partial class DatabaseInitializer
{
    // PostgreSQL's invalid_catalog_name: the database named in the connection string does not exist.
    private const string MissingDatabase = "3D000";

    /// <summary>
    /// Waits for the database to answer, applying pending migrations when asked (which also creates the SQLite file or
    /// the PostgreSQL database). A transient fault (connection refused, server starting) is retried for up to
    /// Database:StartupTimeout; any other (no such database, wrong password, a directory SQLite cannot write) throws
    /// <see cref="DatabaseUnavailableException"/> at once.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool migrate, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!migrate && options.StartupTimeout == TimeSpan.Zero)
        {
            return; // told not to wait: serve, and let /health/ready report the database
        }

        var timeProvider = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer).FullName!);
        var started = timeProvider.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database;
            try
            {
                await PrepareAsync(database, migrate, cancellationToken);
                if (migrate)
                {
                    LogMigrated(logger, options.Provider);
                }

                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var where = DatabaseUnavailableException.Describe(options.Provider, database.GetDbConnection());
                var cause = DatabaseUnavailableException.Cause(exception, database.GetDbConnection());
                if (!DatabaseFaults.IsTransient(exception))
                {
                    var hint = !migrate && exception.GetBaseException() is DbException { SqlState: MissingDatabase }
                        ? ". `migrate` creates it (or set Database:MigrateOnStartup=true)"
                        : "";
                    throw new DatabaseUnavailableException($"{where} cannot be used: {cause}{hint}", exception);
                }

                if (timeProvider.GetElapsedTime(started) >= options.StartupTimeout)
                {
                    throw new DatabaseUnavailableException(
                        $"{where} was not ready within {options.StartupTimeout} ({attempt} attempts): {cause}", exception);
                }

                LogWaiting(logger, where, attempt, cause);
                await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, cancellationToken);
            }
        }
    }

    private static async Task PrepareAsync(DatabaseFacade database, bool migrate, CancellationToken cancellationToken)
    {
        if (!migrate)
        {
            // Not CanConnect: that hides the cause, and an empty SQLite file is reachable (it is), only not migrated.
            await database.OpenConnectionAsync(cancellationToken);
            await database.CloseConnectionAsync();
        }
        else
        {
            if (database.IsNpgsql())
            {
                await CreateMigrationHistoryAsync(database, cancellationToken);
            }

            await database.MigrateAsync(cancellationToken);
        }

        if (database.IsSqlite())
        {
            // Persistent in the file: readers never block the writer, and a commit is one append + fsync.
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    // The database and its migration history table, created as the migrator would. Npgsql's migrator reads the history
    // before creating it, and EF Core logs that read of a missing table as an Error: a "fail:" line although nothing fails.
    private static async Task CreateMigrationHistoryAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        await database.ExecuteSqlRawAsync(database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} database migrated")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for {Database} (attempt {Attempt}): {Cause}; retrying")]
    private static partial void LogWaiting(ILogger logger, string database, int attempt, string cause);
}
