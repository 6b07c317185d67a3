using System.Data;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.Infrastructure.Persistence.Repositories;
using Microsoft.Data.Sqlite;

namespace CallTranscription.Infrastructure.Persistence.Sqlite.GroupCommit;

/// <summary>
/// The statements every turn runs on SQLite's writer, prepared once on its EF-owned connection and run inside EF's
/// transaction. EF Core's query and SaveChanges pipelines cost ~25× the statements themselves on the one serial writer
/// (ADR 0007); the encoding of each column is EF's own, which a test holds them to.
/// </summary>
internal sealed class TurnStatements : IDisposable
{
    private readonly SqliteCommand _findCall;
    private readonly SqliteCommand _findByContentHash;
    private readonly SqliteCommand _lastSequenceNumber;
    private readonly SqliteCommand _insertTranscription;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackTo;

    public TurnStatements(SqliteConnection connection)
    {
        _findCall = Prepare(connection,
            $"SELECT {TurnRows.CallColumns} FROM calls WHERE conversation_id = $conversation_id",
            "$conversation_id");
        _findByContentHash = Prepare(connection,
            $"SELECT {TurnRows.TranscriptionColumns} FROM call_transcriptions WHERE conversation_id = $conversation_id AND content_hash = $content_hash",
            "$conversation_id", "$content_hash");
        _lastSequenceNumber = Prepare(connection,
            "SELECT MAX(sequence_number) FROM call_transcriptions WHERE conversation_id = $conversation_id",
            "$conversation_id");
        _insertTranscription = Prepare(connection,
            $"INSERT INTO call_transcriptions ({TurnRows.TranscriptionInsertColumns}) "
            + "VALUES ($conversation_id, $speaker_type, $message_text, $timestamp, $sequence_number, $content_hash, $created_at) RETURNING id",
            "$conversation_id", "$speaker_type", "$message_text", "$timestamp", "$sequence_number", "$content_hash", "$created_at");
        _savepoint = Prepare(connection, "SAVEPOINT turn");
        _release = Prepare(connection, "RELEASE turn");
        _rollbackTo = Prepare(connection, "ROLLBACK TO turn");
    }

    /// <summary>Microsoft.Data.Sqlite insists each command names the transaction its connection is in.</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in All)
        {
            command.Transaction = transaction;
        }
    }

    public void Savepoint() => _savepoint.ExecuteNonQuery();

    public void ReleaseSavepoint() => _release.ExecuteNonQuery();

    public void RollbackToSavepoint() => _rollbackTo.ExecuteNonQuery();

    public Call? FindCall(string conversationId)
    {
        _findCall.Parameters[0].Value = conversationId;
        using var reader = _findCall.ExecuteReader(CommandBehavior.SingleRow);
        return reader.Read() ? TurnRows.ReadCall(reader) : null;
    }

    public Transcription? FindByContentHash(string conversationId, string contentHash)
    {
        _findByContentHash.Parameters[0].Value = conversationId;
        _findByContentHash.Parameters[1].Value = contentHash;
        using var reader = _findByContentHash.ExecuteReader(CommandBehavior.SingleRow);
        return reader.Read() ? TurnRows.ReadTranscription(reader) : null;
    }

    /// <summary>MAX over the (conversation_id, sequence_number) index: constant time however long the conversation.</summary>
    public int LastSequenceNumber(string conversationId)
    {
        _lastSequenceNumber.Parameters[0].Value = conversationId;
        return _lastSequenceNumber.ExecuteScalar() is long last ? (int)last : 0;
    }

    public void Insert(Transcription transcription)
    {
        var values = TurnRows.InsertValues(transcription);
        for (var i = 0; i < values.Length; i++)
        {
            _insertTranscription.Parameters[i].Value = values[i];
        }

        EntityIds.Set(transcription, Convert.ToInt32(_insertTranscription.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        foreach (var command in All)
        {
            command.Dispose();
        }
    }

    private IEnumerable<SqliteCommand> All =>
        [_findCall, _findByContentHash, _lastSequenceNumber, _insertTranscription, _savepoint, _release, _rollbackTo];

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
