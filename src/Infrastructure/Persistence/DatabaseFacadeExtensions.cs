using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallTranscription.Infrastructure.Persistence;

internal static class DatabaseFacadeExtensions
{
    /// <summary>
    /// Opens and closes a connection; throws when the database cannot be reached. Unlike CanConnect, an empty
    /// SQLite file counts as reachable (it is), leaving "not migrated yet" to the migrations check.
    /// </summary>
    public static async Task ProbeAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        await database.CloseConnectionAsync();
    }

    /// <summary>
    /// Creates the database and its migration history table when they are missing, as the migrator would. Npgsql's
    /// migrator reads the history before creating it, and EF Core logs that read of a missing table as an Error, so a
    /// first migration on PostgreSQL would print a "fail:" line although nothing fails.
    /// </summary>
    public static async Task CreateMigrationHistoryAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        await database.ExecuteSqlRawAsync(database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
    }
}
