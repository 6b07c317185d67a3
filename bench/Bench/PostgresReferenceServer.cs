using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CallTranscription.Bench;

/// <summary>
/// The PostgreSQL reference: the same contract in raw Npgsql on Kestrel's minimal API — a pooled connection and one
/// transaction per request, the call row locked FOR UPDATE, prepared statements (Max Auto Prepare), no layers.
/// </summary>
internal static class PostgresReferenceServer
{
    public static async Task RunAsync(string connectionString, string[] args)
    {
        await CreateDatabaseAsync(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var schema = dataSource.CreateCommand(Schema))
        {
            await schema.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health/live", () => "ok");
        app.MapPost(LoadDriver.Path, async (HttpContext context) =>
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body);
            var root = json.RootElement;
            var conversationId = root.GetProperty("conversation_id").GetString()!;
            var speaker = root.GetProperty("speaker").GetString() == "user" ? "driver" : "agent";
            var message = root.GetProperty("message").GetString()!;
            var timestamp = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture).ToUniversalTime();
            var (id, sequence) = await StoreAsync(dataSource, conversationId, speaker, message, timestamp);
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { status = "success", message = "Transcription stored", transcription_id = id, sequence_number = sequence });
        });
        await app.RunAsync();
    }

    private static async Task<(long, int)> StoreAsync(NpgsqlDataSource dataSource, string conversationId, string speaker, string message, DateTimeOffset timestamp)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId}|{speaker}|{timestamp.UtcTicks}|{message}")));
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await ScalarAsync(connection, "SELECT id FROM calls WHERE conversation_id = $1 FOR UPDATE", conversationId) is null)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO calls (conversation_id, driver_id, call_start_time, status, created_at, updated_at)
                VALUES ($1, (SELECT driver_id FROM elevenlabs_call_records WHERE conversation_id = $1), $2, 'in_progress', $3, $3)
                ON CONFLICT (conversation_id) DO NOTHING
                """, connection) { Parameters = { new() { Value = conversationId }, new() { Value = timestamp }, new() { Value = now } } };
            await insert.ExecuteNonQueryAsync();
            await ScalarAsync(connection, "SELECT id FROM calls WHERE conversation_id = $1 FOR UPDATE", conversationId);
        }

        await using (var replay = new NpgsqlCommand("SELECT id, sequence_number FROM call_transcriptions WHERE conversation_id = $1 AND content_hash = $2", connection)
        {
            Parameters = { new() { Value = conversationId }, new() { Value = hash } },
        })
        await using (var reader = await replay.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                return (reader.GetInt64(0), reader.GetInt32(1));
            }
        }

        await using var store = new NpgsqlCommand("""
            INSERT INTO call_transcriptions (conversation_id, speaker_type, message_text, timestamp, sequence_number, content_hash, created_at)
            VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM call_transcriptions WHERE conversation_id = $1), $5, $6)
            RETURNING id, sequence_number
            """, connection)
        {
            Parameters = { new() { Value = conversationId }, new() { Value = speaker }, new() { Value = message }, new() { Value = timestamp }, new() { Value = hash }, new() { Value = now } },
        };
        (long, int) stored;
        await using (var reader = await store.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            stored = (reader.GetInt64(0), reader.GetInt32(1));
        }

        await transaction.CommitAsync();
        return stored;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, string conversationId)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = conversationId } } };
        return await command.ExecuteScalarAsync();
    }

    private static async Task CreateDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", MaxAutoPrepare = 0 };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private const string Schema = """
        CREATE TABLE drivers (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, full_name varchar(200) NOT NULL,
            phone_number varchar(20) NOT NULL, created_at timestamptz NOT NULL);
        CREATE TABLE elevenlabs_call_records (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            conversation_id varchar(128) NOT NULL UNIQUE, driver_id integer NOT NULL REFERENCES drivers (id),
            phone_number varchar(20) NOT NULL, created_at timestamptz NOT NULL);
        CREATE TABLE calls (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, conversation_id varchar(128) NOT NULL UNIQUE,
            driver_id integer REFERENCES drivers (id), call_start_time timestamptz NOT NULL, call_end_time timestamptz,
            status varchar(16) NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
        CREATE TABLE call_transcriptions (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            conversation_id varchar(128) NOT NULL REFERENCES calls (conversation_id), speaker_type varchar(16) NOT NULL,
            message_text text NOT NULL, timestamp timestamptz NOT NULL, sequence_number integer NOT NULL,
            content_hash char(64) NOT NULL, created_at timestamptz NOT NULL,
            UNIQUE (conversation_id, sequence_number), UNIQUE (conversation_id, content_hash));
        """;
}
