using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CallTranscription.Bench.References;

/// <summary>
/// The SQLite reference's store: one connection, one turn at a time (<see cref="HandOffGate"/>, which hands itself on
/// faster than a SemaphoreSlim), each turn its own BEGIN IMMEDIATE transaction committed with synchronous=FULL, every
/// statement prepared once.
/// </summary>
internal sealed class SqliteTurnStore : ITurnStore, IDisposable
{
    private readonly HandOffGate _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _findCall;
    private readonly SqliteCommand _findByContentHash;
    private readonly SqliteCommand _insertCall;
    private readonly SqliteCommand _insertTurn;

    public SqliteTurnStore(string databasePath)
    {
        _connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        _connection.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
            pragmas.ExecuteNonQuery();
        }

        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        _findCall = Prepare("SELECT id FROM calls WHERE conversation_id = $c", "$c");
        _findByContentHash = Prepare(
            "SELECT id, sequence_number FROM call_transcriptions WHERE conversation_id = $c AND content_hash = $h", "$c", "$h");
        _insertCall = Prepare("""
            INSERT INTO calls (conversation_id, driver_id, call_start_time, status, created_at, updated_at)
            VALUES ($c, (SELECT driver_id FROM elevenlabs_call_records WHERE conversation_id = $c), $at, 'in_progress', $now, $now)
            """, "$c", "$at", "$now");
        _insertTurn = Prepare("""
            INSERT INTO call_transcriptions (conversation_id, speaker_type, message_text, timestamp, sequence_number, content_hash, created_at)
            VALUES ($c, $s, $m, $at, (SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM call_transcriptions WHERE conversation_id = $c), $h, $now)
            RETURNING id, sequence_number
            """, "$c", "$s", "$m", "$at", "$h", "$now");
    }

    public async Task<StoredTurn> StoreAsync(Turn turn)
    {
        await using (await _gate.EnterAsync(CancellationToken.None))
        {
            _begin.ExecuteNonQuery();
            try
            {
                var stored = Store(turn, DateTimeOffset.UtcNow);
                _commit.ExecuteNonQuery();
                return stored;
            }
            catch
            {
                if (raw.sqlite3_get_autocommit(_connection.Handle) == 0)
                {
                    _rollback.ExecuteNonQuery();
                }

                throw;
            }
        }
    }

    private StoredTurn Store(Turn turn, DateTimeOffset now)
    {
        _findCall.Parameters[0].Value = turn.ConversationId;
        var callExists = _findCall.ExecuteScalar() is not null;

        _findByContentHash.Parameters[0].Value = turn.ConversationId;
        _findByContentHash.Parameters[1].Value = turn.ContentHash;
        using (var replay = _findByContentHash.ExecuteReader())
        {
            if (replay.Read())
            {
                return new StoredTurn(replay.GetInt32(0), replay.GetInt32(1), Replayed: true);
            }
        }

        if (!callExists)
        {
            Bind(_insertCall, turn.ConversationId, turn.Timestamp, now);
            _insertCall.ExecuteNonQuery();
        }

        Bind(_insertTurn, turn.ConversationId, turn.Speaker, turn.Message, turn.Timestamp, turn.ContentHash, now);
        using var inserted = _insertTurn.ExecuteReader();
        inserted.Read();
        return new StoredTurn(inserted.GetInt32(0), inserted.GetInt32(1), Replayed: false);
    }

    public void Dispose()
    {
        foreach (var command in new[] { _begin, _commit, _rollback, _findCall, _findByContentHash, _insertCall, _insertTurn })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private static void Bind(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
