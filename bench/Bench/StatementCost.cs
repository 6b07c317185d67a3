using System.Diagnostics;
using System.Globalization;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Bench;

/// <summary>
/// What one turn costs SQLite's writer, statement by statement: EF Core as the service runs it (compiled queries,
/// SaveChanges, savepoints) against the same SQL as prepared ADO.NET commands. No HTTP, one thread, one connection.
/// </summary>
internal static class StatementCost
{
    private const int Turns = 4000;
    private const int Warmup = 2000;

    public static async Task RunAsync()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ct-bench-statements-").FullName, "statements.db");
        var connectionString = $"Data Source={file}";
        await using (var setup = SqlitePersistence.CreateContext(connectionString))
        {
            await setup.Database.MigrateAsync();
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var ef = await EfAsync(connectionString);
        var raw = Raw($"Data Source={file}");
        Console.WriteLine("| step | EF Core µs | ADO.NET µs |\n|---|---|---|");
        foreach (var step in ef.Keys)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {ef[step]:0} | {raw[step]:0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| per turn | {ef.Values.Sum():0} | {raw.Values.Sum():0} |"));
    }

    private static async Task<Dictionary<string, double>> EfAsync(string connectionString)
    {
        var findCall = EF.CompileAsyncQuery((ApplicationDbContext db, string id) => db.Calls.FirstOrDefault(c => c.ConversationId == id));
        var findHash = EF.CompileAsyncQuery((ApplicationDbContext db, string id, string hash) =>
            db.CallTranscriptions.AsNoTracking().FirstOrDefault(t => t.ConversationId == id && t.ContentHash == hash));
        var lastSequence = EF.CompileAsyncQuery((ApplicationDbContext db, string id) =>
            db.CallTranscriptions.Where(t => t.ConversationId == id).Max(t => (int?)t.SequenceNumber));
        await using var context = SqlitePersistence.CreateContext(connectionString);
        context.Database.AutoSavepointsEnabled = false;
        context.Calls.Add(Call.StartedBy("ef", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        await context.SaveChangesAsync();
        var timer = new StepTimer();
        await using var transaction = await context.Database.BeginTransactionAsync();
        for (var i = 0; i < Turns; i++)
        {
            timer.Start(measure: i >= Warmup);
            context.ChangeTracker.Clear();
            await transaction.CreateSavepointAsync("turn");
            timer.Mark("savepoint");
            await findCall(context, "ef");
            timer.Mark("find call");
            var hash = Hash(i);
            await findHash(context, "ef", hash);
            timer.Mark("find content hash");
            var next = (await lastSequence(context, "ef") ?? 0) + 1;
            timer.Mark("max sequence");
            context.CallTranscriptions.Add(new Transcription
            {
                ConversationId = "ef", SpeakerType = SpeakerType.Agent, MessageText = "Turn text", Timestamp = DateTimeOffset.UtcNow,
                SequenceNumber = next, ContentHash = hash, CreatedAt = DateTimeOffset.UtcNow,
            });
            await context.SaveChangesAsync();
            timer.Mark("insert");
            await transaction.ReleaseSavepointAsync("turn");
            timer.Mark("release");
        }

        await transaction.CommitAsync();
        return timer.Averages;
    }

    private static Dictionary<string, double> Raw(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var call = connection.CreateCommand())
        {
            call.CommandText = "INSERT INTO calls (conversation_id, call_start_time, status, created_at, updated_at) VALUES ('raw', '2026-01-01', 'in_progress', '2026-01-01', '2026-01-01')";
            call.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new SqliteParameter(parameter, null));
            }

            command.Prepare();
            return command;
        }

        using var savepoint = Prepare("SAVEPOINT turn");
        using var release = Prepare("RELEASE turn");
        using var findCall = Prepare("SELECT id, driver_id, call_start_time, status FROM calls WHERE conversation_id = $c", "$c");
        using var findHash = Prepare("SELECT id, sequence_number FROM call_transcriptions WHERE conversation_id = $c AND content_hash = $h", "$c", "$h");
        using var lastSequence = Prepare("SELECT MAX(sequence_number) FROM call_transcriptions WHERE conversation_id = $c", "$c");
        using var insert = Prepare("""
            INSERT INTO call_transcriptions (conversation_id, speaker_type, message_text, timestamp, sequence_number, content_hash, created_at)
            VALUES ($c, 'agent', 'Turn text', $t, $s, $h, $t) RETURNING id
            """, "$c", "$t", "$s", "$h");
        var timer = new StepTimer();
        for (var i = 0; i < Turns; i++)
        {
            timer.Start(measure: i >= Warmup);
            savepoint.ExecuteNonQuery();
            timer.Mark("savepoint");
            findCall.Parameters["$c"].Value = "raw";
            using (var reader = findCall.ExecuteReader())
            {
                reader.Read();
            }

            timer.Mark("find call");
            var hash = Hash(i);
            findHash.Parameters["$c"].Value = "raw";
            findHash.Parameters["$h"].Value = hash;
            using (var reader = findHash.ExecuteReader())
            {
                reader.Read();
            }

            timer.Mark("find content hash");
            lastSequence.Parameters["$c"].Value = "raw";
            var next = (lastSequence.ExecuteScalar() is long last ? (int)last : 0) + 1;
            timer.Mark("max sequence");
            insert.Parameters["$c"].Value = "raw";
            insert.Parameters["$t"].Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            insert.Parameters["$s"].Value = next;
            insert.Parameters["$h"].Value = hash;
            insert.ExecuteScalar();
            timer.Mark("insert");
            release.ExecuteNonQuery();
            timer.Mark("release");
        }

        transaction.Commit();
        return timer.Averages;
    }

    private static string Hash(int i) => i.ToString("D64", CultureInfo.InvariantCulture);

    private sealed class StepTimer
    {
        private readonly Dictionary<string, (double Total, int Count)> _steps = [];
        private long _last;
        private bool _measure;

        public Dictionary<string, double> Averages => _steps.ToDictionary(s => s.Key, s => s.Value.Total / s.Value.Count);

        public void Start(bool measure)
        {
            _measure = measure;
            _last = Stopwatch.GetTimestamp();
        }

        public void Mark(string step)
        {
            var now = Stopwatch.GetTimestamp();
            if (_measure)
            {
                var (total, count) = _steps.GetValueOrDefault(step);
                _steps[step] = (total + (now - _last) * 1_000_000.0 / Stopwatch.Frequency, count + 1);
            }

            _last = now;
        }
    }
}
