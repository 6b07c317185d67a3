using System.Data.Common;
using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Database faults a test arms in the service it shares, so proving what a failed write does needs no host of its own.
/// Interceptors on the service's DbContext do nothing until armed; WebhookTestBase disarms them before each test.
/// <list type="bullet">
/// <item>An insert fault throws once a turn's INSERT has run, so the call and the turn are both written in the
/// transaction and must be rolled back.</item>
/// <item>A commit fault is the ambiguous failure: the database commits, the service hears a fault (a timeout, a
/// dropped connection after COMMIT was sent).</item>
/// </list>
/// </summary>
public sealed class WriteFaults
{
    private Func<int, Exception?>? _insertFault;
    private int _insertAttempts;
    private int _commitArmed;

    /// <summary>Inserts of a turn since <see cref="FailInserts"/>, failed or not.</summary>
    public int InsertAttempts => Volatile.Read(ref _insertAttempts);

    /// <summary>Every insert of a turn from now on throws what <paramref name="faultForAttempt"/> gives for its number (1, 2, ...), if anything.</summary>
    public void FailInserts(Func<int, Exception?> faultForAttempt)
    {
        Volatile.Write(ref _insertAttempts, 0);
        Volatile.Write(ref _insertFault, faultForAttempt);
    }

    /// <summary>The next commit is reported as failed once it succeeded.</summary>
    public void FailNextCommit() => Volatile.Write(ref _commitArmed, 1);

    public void Disarm()
    {
        Volatile.Write(ref _insertFault, null);
        Volatile.Write(ref _commitArmed, 0);
        Volatile.Write(ref _insertAttempts, 0);
    }

    public void AddTo(IServiceCollection services, DatabaseProvider provider) =>
        services.ConfigureProviderContext(provider, options => options.AddInterceptors(new CommandFailer(this), new CommitFailer(this)));

    private void InsertRan(DbCommand command, DbDataReader inserted)
    {
        if (Volatile.Read(ref _insertFault) is not { } faultForAttempt)
        {
            return;
        }

        // SQLite and PostgreSQL quote identifiers only where needed; SQL Server always brackets them.
        var sql = command.CommandText.Replace("\"", "", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
        if (sql.Contains("INSERT INTO call_transcriptions", StringComparison.Ordinal)
            && faultForAttempt(Interlocked.Increment(ref _insertAttempts)) is { } fault)
        {
            inserted.Dispose(); // the row is written; the transaction has to roll it back
            throw fault;
        }
    }

    private void Committed()
    {
        if (Interlocked.Exchange(ref _commitArmed, 0) == 1)
        {
            throw new TimeoutException("the connection dropped after COMMIT was sent");
        }
    }

    private sealed class CommandFailer(WriteFaults faults) : DbCommandInterceptor
    {
        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            faults.InsertRan(command, result);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            faults.InsertRan(command, result);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class CommitFailer(WriteFaults faults) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => faults.Committed();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            faults.Committed();
            return Task.CompletedTask;
        }
    }
}
