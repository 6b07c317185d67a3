using CallTranscription.Application.Common.Interfaces;

namespace CallTranscription.Application.UnitTests;

/// <summary>Runs the work once, in-line: the transaction and retry semantics are Infrastructure's, tested there.</summary>
internal sealed class InlineUnitOfWork : IUnitOfWork
{
    public int SaveChangesCalls { get; private set; }

    public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) => work(cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        SaveChangesCalls++;
        return Task.CompletedTask;
    }
}
