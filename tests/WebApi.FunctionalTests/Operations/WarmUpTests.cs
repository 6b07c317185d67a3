using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>
/// The service warms its reads up before it serves, on each database, and uses up nothing doing so: on a new database
/// the first turn gets the first ids. (That the console shows it before "Now listening on" is ServiceProcessTests'.)
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Kinds))]
public class WarmUpTests(DatabaseKind kind)
{
    [Test]
    public async Task ShouldWarmUpBeforeServingAndGiveTheFirstTurnTheFirstIds()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var factory = new CallTranscriptionApiFactory(database);
        using var client = factory.CreateClient();

        var warmUp = factory.Logs.Entries.Where(e => e.Category == "CallTranscription.Infrastructure.Persistence.DatabaseWarmUp").ToList();
        Assert.That(warmUp.Select(e => e.Message), Has.One.StartsWith("Database reads warmed up in"), "before the service took a request");
        Assert.That(warmUp.Where(e => e.Level >= LogLevel.Warning), Is.Empty);

        using var response = await client.PostAsJsonAsync("/webhooks/elevenlabs/transcription", new Dictionary<string, string>
        {
            ["conversation_id"] = "conv_first",
            ["speaker"] = "user",
            ["message"] = "Yes, this is Sam.",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("transcription_id").GetInt64(), Is.EqualTo(1), "the warm-up used no identity value");
    }
}
