using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallTranscription.Bench;

/// <summary>
/// The reference ceiling the issue measures against: the same contract in raw ADO.NET, one writer, many requests per
/// commit (a SAVEPOINT per request, each 201 sent after COMMIT). No layers, no EF, no validation beyond the shape.
/// With --checkpointer it also moves WAL checkpoints off the writer, as the service does (WalCheckpointer).
/// </summary>
internal static class CeilingServer
{
    public static async Task RunAsync(string databasePath, string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var writer = new Writer($"Data Source={databasePath}", checkpointer: args.Contains("--checkpointer"));
        app.MapGet("/health/live", () => "ok");
        app.MapPost(LoadDriver.Path, async (HttpContext context) =>
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body);
            var root = json.RootElement;
            var turn = new Turn(
                root.GetProperty("conversation_id").GetString()!,
                root.GetProperty("speaker").GetString() == "user" ? "driver" : "agent",
                root.GetProperty("message").GetString()!,
                DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture).ToUniversalTime());
            var (id, sequence) = await writer.SubmitAsync(turn);
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { status = "success", message = "Transcription stored", transcription_id = id, sequence_number = sequence });
        });
        await app.RunAsync();
    }

    private sealed record Turn(string ConversationId, string Speaker, string Message, DateTimeOffset Timestamp);

    private sealed class Writer
    {
        private readonly Channel<(Turn Turn, TaskCompletionSource<(long, int)> Done)> _queue = Channel.CreateUnbounded<(Turn, TaskCompletionSource<(long, int)>)>();
        private readonly SqliteConnection _connection;

        public Writer(string connectionString, bool checkpointer)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            Execute(Schema);
            if (checkpointer)
            {
                Execute("PRAGMA wal_autocheckpoint = 0");
                _ = Task.Run(() => CheckpointLoopAsync(connectionString));
            }

            _ = Task.Run(LoopAsync);
        }

        private static async Task CheckpointLoopAsync(string connectionString)
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync())
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                command.ExecuteNonQuery();
            }
        }

        public Task<(long, int)> SubmitAsync(Turn turn)
        {
            var done = new TaskCompletionSource<(long, int)>(TaskCreationOptions.RunContinuationsAsynchronously);
            _queue.Writer.TryWrite((turn, done));
            return done.Task;
        }

        private async Task LoopAsync()
        {
            var batch = new List<(Turn Turn, TaskCompletionSource<(long, int)> Done, (long, int)? Result, Exception? Error)>();
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < 512 && _queue.Reader.TryRead(out var item))
                {
                    batch.Add((item.Turn, item.Done, null, null));
                }

                using (var transaction = _connection.BeginTransaction())
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        Execute("SAVEPOINT turn", transaction);
                        try
                        {
                            batch[i] = batch[i] with { Result = Store(batch[i].Turn, transaction) };
                            Execute("RELEASE turn", transaction);
                        }
                        catch (SqliteException exception)
                        {
                            Execute("ROLLBACK TO turn; RELEASE turn", transaction);
                            batch[i] = batch[i] with { Error = exception };
                        }
                    }

                    transaction.Commit();
                }

                foreach (var item in batch)
                {
                    if (item.Error is null)
                    {
                        item.Done.SetResult(item.Result!.Value);
                    }
                    else
                    {
                        item.Done.SetException(item.Error);
                    }
                }

                batch.Clear();
            }
        }

        private (long, int) Store(Turn turn, SqliteTransaction transaction)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{turn.ConversationId}|{turn.Speaker}|{turn.Timestamp.UtcTicks}|{turn.Message}")));
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$c", turn.ConversationId);
            command.Parameters.AddWithValue("$h", hash);
            command.CommandText = "SELECT id, sequence_number FROM call_transcriptions WHERE conversation_id = $c AND content_hash = $h";
            using (var reader = command.ExecuteReader())
            {
                if (reader.Read())
                {
                    return (reader.GetInt64(0), reader.GetInt32(1));
                }
            }

            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
            var at = turn.Timestamp.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$at", at);
            command.CommandText = """
                INSERT INTO calls (conversation_id, driver_id, call_start_time, status, created_at, updated_at)
                SELECT $c, (SELECT driver_id FROM elevenlabs_call_records WHERE conversation_id = $c), $at, 'in_progress', $now, $now
                WHERE NOT EXISTS (SELECT 1 FROM calls WHERE conversation_id = $c)
                """;
            command.ExecuteNonQuery();
            command.Parameters.AddWithValue("$s", turn.Speaker);
            command.Parameters.AddWithValue("$m", turn.Message);
            command.CommandText = """
                INSERT INTO call_transcriptions (conversation_id, speaker_type, message_text, timestamp, sequence_number, content_hash, created_at)
                VALUES ($c, $s, $m, $at, (SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM call_transcriptions WHERE conversation_id = $c), $h, $now)
                RETURNING id, sequence_number
                """;
            using var inserted = command.ExecuteReader();
            inserted.Read();
            return (inserted.GetInt64(0), inserted.GetInt32(1));
        }

        private void Execute(string sql, SqliteTransaction? transaction = null)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private const string Schema = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS drivers (id INTEGER PRIMARY KEY AUTOINCREMENT, full_name TEXT NOT NULL, phone_number TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS elevenlabs_call_records (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL UNIQUE,
                driver_id INTEGER NOT NULL REFERENCES drivers (id), phone_number TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS calls (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL UNIQUE, driver_id INTEGER REFERENCES drivers (id),
                call_start_time TEXT NOT NULL, call_end_time TEXT, status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS call_transcriptions (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL REFERENCES calls (conversation_id),
                speaker_type TEXT NOT NULL, message_text TEXT NOT NULL, timestamp TEXT NOT NULL, sequence_number INTEGER NOT NULL,
                content_hash TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS ux_seq ON call_transcriptions (conversation_id, sequence_number);
            CREATE UNIQUE INDEX IF NOT EXISTS ux_hash ON call_transcriptions (conversation_id, content_hash);
            """;
    }
}
