using System.Data.Common;
using CallTranscription.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Fails the insert of a turn, to prove what the service does when a write fails midway (after the call was inserted).
/// SQLite: the database itself fails the INSERT — a trigger calls a function registered on each connection the
/// service opens — because the service runs that statement outside EF Core's pipeline (ADR 0007).
/// PostgreSQL and SQL Server: EF Core runs the insert, and a command interceptor fails it before it is sent.
/// </summary>
public sealed class InsertFault(TestDatabase database, Func<int, Exception?> faultForAttempt) : IAsyncDisposable
{
    private const string Function = "test_insert_fault";
    private const string Trigger = "test_insert_fault_trigger";

    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public void AddTo(IServiceCollection services) =>
        services.ConfigureProviderContext(database.Provider, options => options.AddInterceptors(
            database.Provider == DatabaseProvider.Sqlite ? new FunctionRegistrar(this) : new CommandFailer(this)));

    /// <summary>Call once the service has migrated its database (after CreateClient).</summary>
    public async Task ArmAsync()
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await ExecuteOnSqliteAsync(
                $"CREATE TRIGGER {Trigger} BEFORE INSERT ON call_transcriptions BEGIN SELECT {Function}(); END;");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await ExecuteOnSqliteAsync($"DROP TRIGGER IF EXISTS {Trigger};");
        }
    }

    private void Hit()
    {
        if (faultForAttempt(Interlocked.Increment(ref _attempts)) is { } fault)
        {
            throw fault;
        }
    }

    private async Task ExecuteOnSqliteAsync(string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class FunctionRegistrar(InsertFault fault) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            ((SqliteConnection)connection).CreateFunction(Function, () =>
            {
                fault.Hit();
                return 0;
            });

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ConnectionOpened(connection, eventData);
            return Task.CompletedTask;
        }
    }

    private sealed class CommandFailer(InsertFault fault) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            FailIfInsert(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            FailIfInsert(command);
            return ValueTask.FromResult(result);
        }

        private void FailIfInsert(DbCommand command)
        {
            // PostgreSQL quotes identifiers only where needed; SQL Server always brackets them.
            var sql = command.CommandText.Replace("\"", "", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
            if (sql.Contains("INSERT INTO call_transcriptions", StringComparison.Ordinal))
            {
                fault.Hit();
            }
        }
    }
}
