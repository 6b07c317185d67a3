using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Fails chosen commands against the real database, to prove what the service does when a write fails midway.
/// </summary>
public sealed class FaultInjectingInterceptor(string commandFragment, Func<int, Exception?> faultForAttempt) : DbCommandInterceptor
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        MaybeFail(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        MaybeFail(command);
        return ValueTask.FromResult(result);
    }

    private void MaybeFail(DbCommand command)
    {
        // Providers quote identifiers differently: SQLite always, PostgreSQL only when needed.
        if (!command.CommandText.Replace("\"", "", StringComparison.Ordinal).Contains(commandFragment, StringComparison.Ordinal))
        {
            return;
        }

        var fault = faultForAttempt(Interlocked.Increment(ref _attempts));
        if (fault is not null)
        {
            throw fault;
        }
    }
}
