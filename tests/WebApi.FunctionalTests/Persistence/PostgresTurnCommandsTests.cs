using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// What the service sends PostgreSQL for a turn (ADR 0014), recorded on a real server from EF Core's command layer:
/// the round trips the reference makes, and parameters typed as their columns so every lookup can seek its index.
/// </summary>
public class PostgresTurnCommandsTests
{
    [Test]
    public async Task ShouldSendThreeCommandsAndACommitForATurnWithParametersTypedAsTheirColumns()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var recorder = new Recorder();
        await using var factory = new CallTranscriptionApiFactory(database, configureServices: services =>
            services.ConfigureProviderContext(DatabaseProvider.Postgres, options => options.AddInterceptors(recorder)));
        using var client = factory.CreateClient();
        Assert.That((await PostAsync(client, "Hello, is this Sam?")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        recorder.Commands.Clear();

        Assert.That((await PostAsync(client, "Yes.")).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var commands = recorder.Commands.ToList();
        Assert.That(commands, Has.Count.EqualTo(3), string.Join("\n", commands.Select(c => c.Sql)));
        Assert.Multiple(() =>
        {
            Assert.That(commands[0].Sql, Does.Contain("FROM calls WHERE conversation_id = @p0 FOR UPDATE"));
            Assert.That(commands[0].Types, Is.EqualTo(new[] { NpgsqlDbType.Varchar }));
            Assert.That(commands[1].Sql, Does.Contain("WHERE conversation_id = @p0 AND content_hash = @p1; SELECT MAX(sequence_number)"));
            Assert.That(commands[1].Types, Is.EqualTo(new[] { NpgsqlDbType.Varchar, NpgsqlDbType.Char }));
            Assert.That(commands[2].Sql, Does.StartWith("INSERT INTO call_transcriptions"));
            Assert.That(commands[2].Types, Is.EqualTo(new[]
            {
                NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer,
                NpgsqlDbType.Char, NpgsqlDbType.TimestampTz,
            }), "conversation_id, speaker_type, message_text, timestamp, sequence_number, content_hash, created_at");
        });
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string message) =>
        client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, string>
        {
            ["conversation_id"] = "conv_commands", ["speaker"] = "agent", ["message"] = message, ["timestamp"] = "2026-11-22T10:00:00Z",
        });

    private sealed record RecordedCommand(string Sql, NpgsqlDbType[] Types);

    private sealed class Recorder : DbCommandInterceptor
    {
        public List<RecordedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (Commands)
            {
                Commands.Add(new RecordedCommand(
                    command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.NpgsqlDbType).ToArray()));
            }

            return ValueTask.FromResult(result);
        }
    }
}
