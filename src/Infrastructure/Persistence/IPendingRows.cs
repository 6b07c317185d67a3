namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// Rows a repository writes by hand (ADR 0014), after EF Core's SaveChanges has written the rows they refer to: the
/// unit of work writes them in its transaction, and forgets them when it starts an attempt over.
/// </summary>
internal interface IPendingRows
{
    Task WriteAsync(CancellationToken cancellationToken);

    void Discard();
}
