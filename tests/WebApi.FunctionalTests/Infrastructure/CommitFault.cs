using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The ambiguous failure: the database commits the transaction, but the service hears a fault (a timeout, a dropped
/// connection after COMMIT was sent). The first commit after <see cref="Arm"/> is reported as failed once it succeeded.
/// </summary>
public sealed class CommitFault(TestDatabase database)
{
    private int _armed;

    public void Arm() => Volatile.Write(ref _armed, 1);

    public void AddTo(IServiceCollection services) =>
        services.ConfigureProviderContext(database.Provider, options => options.AddInterceptors(new CommitFailer(this)));

    private void HitIfArmed()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            throw new TimeoutException("the connection dropped after COMMIT was sent");
        }
    }

    private sealed class CommitFailer(CommitFault fault) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => fault.HitIfArmed();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            fault.HitIfArmed();
            return Task.CompletedTask;
        }
    }
}
