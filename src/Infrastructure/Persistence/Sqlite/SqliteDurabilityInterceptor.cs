using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>
/// synchronous=FULL on every connection (it is per connection, unlike WAL mode, which the file keeps):
/// with WAL, every acknowledged turn survives a power loss.
/// </summary>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    // One instance: EF caches its internal services per distinct options, and a new interceptor makes them distinct.
    public static readonly SqliteDurabilityInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=FULL;";

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
