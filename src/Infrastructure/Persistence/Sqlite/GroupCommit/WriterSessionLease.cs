namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>The writer session a request's SQLite repositories work on while the writer runs its unit of work.</summary>
internal sealed class WriterSessionLease
{
    private WriterSession? _session;

    public WriterSession Current => _session
        ?? throw new InvalidOperationException("SQLite repositories are used inside IUnitOfWork.ExecuteAsync only.");

    public IDisposable Use(WriterSession session)
    {
        _session = session;
        return new Return(this);
    }

    private sealed class Return(WriterSessionLease lease) : IDisposable
    {
        public void Dispose() => lease._session = null;
    }
}
