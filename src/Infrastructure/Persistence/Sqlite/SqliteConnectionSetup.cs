using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Per-connection settings (WAL mode itself is kept by the file): synchronous=FULL, so that with WAL every acknowledged
/// turn survives a power loss; and no automatic checkpoints, which would copy the log into the database inside a
/// turn's commit while every other turn waits at the write gate — WalCheckpointer does that beside the writes.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    // One instance: EF caches its internal services per distinct options, and a new interceptor makes them distinct.
    public static readonly SqliteConnectionSetup Instance = new();

    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs commands synchronously whatever the API; the sync path avoids the state machine.
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
