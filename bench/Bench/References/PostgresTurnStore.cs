using Npgsql;
using NpgsqlTypes;

namespace CallTranscription.Bench.References;

/// <summary>
/// The PostgreSQL reference's store: a pooled connection and one transaction per turn, the call's row locked
/// FOR UPDATE, statements auto-prepared (Max Auto Prepare in the connection string), parameters typed as their
/// columns so that every lookup seeks its index. Four round trips per turn after the first: lock, redelivery lookup,
/// insert (numbered by MAX + 1 under the lock), commit.
/// </summary>
internal sealed class PostgresTurnStore(NpgsqlDataSource dataSource) : ITurnStore
{
    private const string LockCall = "SELECT id FROM calls WHERE conversation_id = $1 FOR UPDATE";

    private const string FindByContentHash =
        "SELECT id, sequence_number FROM call_transcriptions WHERE conversation_id = $1 AND content_hash = $2";

    // A concurrent first turn of the same conversation waits on the unique key, then finds the call on its lock.
    private const string InsertCall = """
        INSERT INTO calls (conversation_id, driver_id, call_start_time, status, created_at, updated_at)
        VALUES ($1, (SELECT driver_id FROM elevenlabs_call_records WHERE conversation_id = $1), $2, 'in_progress', $3, $3)
        ON CONFLICT (conversation_id) DO NOTHING
        """;

    private const string InsertTurn = """
        INSERT INTO call_transcriptions (conversation_id, speaker_type, message_text, timestamp, sequence_number, content_hash, created_at)
        VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM call_transcriptions WHERE conversation_id = $1), $5, $6)
        RETURNING id, sequence_number
        """;

    public async Task<StoredTurn> StoreAsync(Turn turn)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await LockCallAsync(connection, turn.ConversationId))
        {
            await using var insertCall = new NpgsqlCommand(InsertCall, connection)
            {
                Parameters = { Varchar(turn.ConversationId), TimestampTz(turn.Timestamp), TimestampTz(now) },
            };
            if (await insertCall.ExecuteNonQueryAsync() == 0)
            {
                await LockCallAsync(connection, turn.ConversationId);
            }
        }

        var stored = await FindByContentHashAsync(connection, turn) ?? await InsertTurnAsync(connection, turn, now);
        await transaction.CommitAsync();
        return stored;
    }

    private static async Task<bool> LockCallAsync(NpgsqlConnection connection, string conversationId)
    {
        await using var command = new NpgsqlCommand(LockCall, connection) { Parameters = { Varchar(conversationId) } };
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task<StoredTurn?> FindByContentHashAsync(NpgsqlConnection connection, Turn turn)
    {
        await using var command = new NpgsqlCommand(FindByContentHash, connection)
        {
            Parameters = { Varchar(turn.ConversationId), Char(turn.ContentHash) },
        };
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new StoredTurn(reader.GetInt32(0), reader.GetInt32(1), Replayed: true) : null;
    }

    private static async Task<StoredTurn> InsertTurnAsync(NpgsqlConnection connection, Turn turn, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand(InsertTurn, connection)
        {
            Parameters =
            {
                Varchar(turn.ConversationId), Varchar(turn.Speaker), new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = turn.Message },
                TimestampTz(turn.Timestamp), Char(turn.ContentHash), TimestampTz(now),
            },
        };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StoredTurn(reader.GetInt32(0), reader.GetInt32(1), Replayed: false);
    }

    private static NpgsqlParameter<string> Varchar(string value) => new() { NpgsqlDbType = NpgsqlDbType.Varchar, TypedValue = value };

    private static NpgsqlParameter<string> Char(string value) => new() { NpgsqlDbType = NpgsqlDbType.Char, TypedValue = value };

    private static NpgsqlParameter<DateTimeOffset> TimestampTz(DateTimeOffset value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = value };
}
