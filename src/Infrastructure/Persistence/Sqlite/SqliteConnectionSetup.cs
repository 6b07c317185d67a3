using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
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

    internal const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0;";

    // Microsoft.Data.Sqlite pools the database handles and the settings stay on them: set each handle up once.
    private readonly ConditionalWeakTable<sqlite3, object> _setUp = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        if (_setUp.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        _setUp.AddOrUpdate(handle, handle);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs commands synchronously whatever the API; the sync path avoids the state machine.
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
