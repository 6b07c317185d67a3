using Microsoft.Data.Sqlite;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Another process's write transaction on the service's SQLite file: the real transient fault of an embedded
/// database. While it is held, the service's writer gets SQLITE_BUSY once its busy timeout runs out.
/// </summary>
public sealed class SqliteWriteLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    private SqliteWriteLock(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<SqliteWriteLock> TakeAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(); // BEGIN IMMEDIATE: takes the write lock
        return new SqliteWriteLock(connection, transaction);
    }

    public async Task ReleaseAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
    }
}
