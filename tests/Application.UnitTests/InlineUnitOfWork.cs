using CallTranscription.Application.Common.Interfaces;

namespace CallTranscription.Application.UnitTests;

/// <summary>Runs the work once, in-line: the transaction and retry semantics are Infrastructure's, tested there.</summary>
internal sealed class InlineUnitOfWork : IUnitOfWork
{
    public int SaveChangesCalls { get; private set; }

    /// <summary>What the database does on a flush, such as assigning generated ids.</summary>
    public Action? OnSaveChanges { get; set; }

    public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) => work(cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        SaveChangesCalls++;
        OnSaveChanges?.Invoke();
        return Task.CompletedTask;
    }
}
