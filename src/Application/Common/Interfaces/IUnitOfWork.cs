namespace CallTranscription.Application.Common.Interfaces;

public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction and commits it. On a transient fault or a
    /// uniqueness conflict the whole work is re-run from a clean state, so a retry never writes twice.
    /// </summary>
    Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Flushes pending changes inside the current unit of work (assigns generated ids).</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
