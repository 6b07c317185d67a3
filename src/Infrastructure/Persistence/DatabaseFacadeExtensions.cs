using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

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
}
