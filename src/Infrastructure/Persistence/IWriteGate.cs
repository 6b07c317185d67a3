namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// What a unit of work passes through before its transaction begins. SQLite has one writer per file, so its gate lets
/// one unit of work in at a time; server databases let every unit in and order them by the call's row lock.
/// </summary>
internal interface IWriteGate
{
    ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken);
}
