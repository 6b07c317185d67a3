using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>The service warms its reads up before it listens, on each database, and uses up nothing doing so.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Kinds))]
public class WarmUpTests(DatabaseKind kind)
{
    [Test]
    public async Task ShouldWarmUpBeforeListeningAndGiveTheFirstTurnTheFirstIds()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Database__MigrateOnStartup"] = "true",
        });
        await service.WaitUntilListeningAsync();

        var output = service.Output;
        Assert.That(output.IndexOf("Database reads warmed up in", StringComparison.Ordinal), Is.InRange(0, output.IndexOf("Now listening on", StringComparison.Ordinal)));
        Assert.That(output, Does.Not.Contain("Warming up the database reads failed"));

        using var client = new HttpClient { BaseAddress = service.BaseAddress };
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
