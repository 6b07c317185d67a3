using System.Net;
using System.Net.Http.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// Database:Schema on a real PostgreSQL (SQL Server takes none: its user's default schema decides): the service
/// migrates into that schema and works there, and only there.
/// </summary>
public class DatabaseSchemaTests
{
    private const DatabaseKind Kind = DatabaseKind.Postgres;
    private const string Schema = "dev";

    [Test]
    public async Task ShouldMigrateIntoAndServeFromTheConfiguredSchema()
    {
        await using var database = await TestDatabase.CreateAsync(Kind);
        await using var factory = new CallTranscriptionApiFactory(database, new Dictionary<string, string?> { ["Database:Schema"] = Schema });
        using var client = factory.CreateClient();

        var first = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", Turn("agent", "Hello, is this Sam?"));
        var second = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", Turn("user", "Yes."));
        var redelivered = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", Turn("agent", "Hello, is this Sam?"));

        Assert.That(new[] { first.StatusCode, second.StatusCode, redelivered.StatusCode }, Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(await SequenceNumberAsync(second), Is.EqualTo(2));
        Assert.That(await SequenceNumberAsync(redelivered), Is.EqualTo(1), "the redelivery is found in the schema and replayed");

        await using var context = database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var inSchema = await SchemaReader.ReadAsync(connection, Kind, Schema);
        var inDefault = await SchemaReader.ReadAsync(connection, Kind);
        Assert.That(inSchema, Has.Some.StartsWith("column call_transcriptions.sequence_number "));
        Assert.That(inDefault, Is.Empty, "nothing is created outside the configured schema");
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the history table is read from the schema too");
    }

    private static Dictionary<string, string> Turn(string speaker, string message) => new()
    {
        ["conversation_id"] = "conv_schema",
        ["speaker"] = speaker,
        ["message"] = message,
        ["timestamp"] = "2026-11-22T10:00:00Z",
    };

    private static async Task<int> SequenceNumberAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("sequence_number").GetInt32();
}
