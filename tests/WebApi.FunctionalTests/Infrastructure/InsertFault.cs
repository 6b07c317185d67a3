using System.Data.Common;
using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Fails the insert of a turn to prove what the service does when a write fails midway: a command interceptor on the
/// service's DbContext throws once the INSERT has run, so the call and the turn are both written in the transaction
/// and must be rolled back.
/// </summary>
public sealed class InsertFault(TestDatabase database, Func<int, Exception?> faultForAttempt)
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public void AddTo(IServiceCollection services) =>
        services.ConfigureProviderContext(database.Provider, options => options.AddInterceptors(new CommandFailer(this)));

    private void Hit()
    {
        if (faultForAttempt(Interlocked.Increment(ref _attempts)) is { } fault)
        {
            throw fault;
        }
    }

    private sealed class CommandFailer(InsertFault fault) : DbCommandInterceptor
    {
        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            FailIfInsert(command, result);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            FailIfInsert(command, result);
            return ValueTask.FromResult(result);
        }

        private void FailIfInsert(DbCommand command, DbDataReader inserted)
        {
            // SQLite and PostgreSQL quote identifiers only where needed; SQL Server always brackets them.
            var sql = command.CommandText.Replace("\"", "", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
            if (sql.Contains("INSERT INTO call_transcriptions", StringComparison.Ordinal))
            {
                try
                {
                    fault.Hit();
                }
                catch
                {
                    inserted.Dispose(); // the row is written; the transaction has to roll it back
                    throw;
                }
            }
        }
    }
}
