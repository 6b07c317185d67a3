using CallTranscription.Domain.Transcriptions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>
/// The writer's long-lived DbContext with its connection held open, the turn statements prepared on it, and the
/// transcriptions the current unit of work has added but not yet flushed.
/// </summary>
internal sealed class WriterSession : IAsyncDisposable
{
    private readonly List<Transcription> _pending = [];
    private bool _tracking;

    private WriterSession(ApplicationDbContext context, TurnStatements statements)
    {
        Context = context;
        Statements = statements;
    }

    public ApplicationDbContext Context { get; }

    public TurnStatements Statements { get; }

    public static async Task<WriterSession> OpenAsync(DbContextOptions<SqliteApplicationDbContext> options, long walSizeLimitBytes)
    {
        var context = new SqliteApplicationDbContext(options);
        try
        {
            context.Database.AutoSavepointsEnabled = false; // each unit of work has its own savepoint
            await context.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)context.Database.GetDbConnection();
            await using (var command = connection.CreateCommand())
            {
                // WalCheckpointer copies pages off the writer's path; after a restart the log file is cut back to its limit.
                command.CommandText = $"PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit={walSizeLimitBytes};";
                await command.ExecuteNonQueryAsync();
            }

            return new WriterSession(context, new TurnStatements(connection));
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    public async Task<IDbContextTransaction> BeginTransactionAsync()
    {
        var transaction = await Context.Database.BeginTransactionAsync();
        Statements.Enlist((SqliteTransaction)transaction.GetDbTransaction());
        return transaction;
    }

    public void AddPending(Transcription transcription) => _pending.Add(transcription);

    /// <summary>
    /// Between batches, with no write open: copies the frames the checkpointer has not reached yet, so that the next
    /// write transaction restarts the log. False when it could not finish (the checkpointer was mid-pass: next time).
    /// </summary>
    public bool TryFinishCheckpoint() => PassiveWalCheckpoint.Run((SqliteConnection)Context.Database.GetDbConnection()).Complete;

    /// <summary>An entity for EF Core to insert at the flush: a conversation's call, once per conversation.</summary>
    public void AddTracked<TEntity>(TEntity entity)
        where TEntity : class
    {
        Context.Add(entity);
        _tracking = true;
    }

    /// <summary>Writes what the unit of work added: the call through EF Core, then its turns.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_tracking)
        {
            await Context.SaveChangesAsync(cancellationToken);
        }

        foreach (var transcription in _pending)
        {
            Statements.Insert(transcription);
        }

        _pending.Clear();
    }

    /// <summary>
    /// Forgets whatever a previous unit of work left behind, flushed or not. Most turns leave EF Core nothing (their
    /// call exists), and then its change tracker is not touched: on the one writer, every microsecond is serial.
    /// </summary>
    public void Reset()
    {
        _pending.Clear();
        if (_tracking)
        {
            Context.ChangeTracker.Clear();
            _tracking = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Statements.Dispose();
        await Context.DisposeAsync();
    }
}
