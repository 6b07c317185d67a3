using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Per-connection settings (WAL mode itself is kept by the file): synchronous=FULL, so that with WAL every acknowledged
/// turn survives a power loss; SQLite's own checkpoint once the log holds 1,000 pages (its default, stated), run by the
/// commit that crosses it; and journal_size_limit, so that a log a long reader let grow is cut back when it starts over.
/// One writer at a time (the write gate) means no reader of ours stands in a checkpoint's way for long.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    // One instance: EF caches its internal services per distinct options, and a new interceptor makes them distinct.
    public static readonly SqliteConnectionSetup Instance = new();

    internal const int AutoCheckpointPages = 1000;
    internal const long JournalSizeLimitBytes = 16 * 1024 * 1024;

    private static readonly string _pragmas =
        $"PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint={AutoCheckpointPages}; PRAGMA journal_size_limit={JournalSizeLimitBytes};";

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
        command.CommandText = _pragmas;
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
