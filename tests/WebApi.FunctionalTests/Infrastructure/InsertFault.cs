using System.Data.Common;
using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Fails the insert of a turn — after the call was inserted — to prove what the service does when a write fails
/// midway: a command interceptor on the service's DbContext throws before the INSERT is sent.
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

    // The service rehearses one turn before it serves (DatabaseWarmUp); only the turns of the test are faulted.
    private static bool IsWarmUp(DbCommand command) =>
        command.Parameters.Cast<DbParameter>().Any(p => p.Value is DatabaseWarmUp.ConversationId);

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
            // SQLite and PostgreSQL quote identifiers only where needed; SQL Server always brackets them.
            var sql = command.CommandText.Replace("\"", "", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
            if (sql.Contains("INSERT INTO call_transcriptions", StringComparison.Ordinal) && !IsWarmUp(command))
            {
                fault.Hit();
            }
        }
    }
}
