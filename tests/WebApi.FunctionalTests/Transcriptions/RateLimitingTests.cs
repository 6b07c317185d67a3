using System.Net;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class RateLimitingTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldAnswer429OnceAClientExceedsItsLimit()
    {
        await using var factory = new CallTranscriptionApiFactory(Database, new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "5",
            ["RateLimiting:Window"] = "00:01:00",
        });
        using var client = factory.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            responses.Add(await PostTurnAsync(Turn("conv_limited", message: $"turn {i}", timestamp: IsoNow(i - 8)), client));
        }

        Assert.That(responses.Take(5).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Created));
        Assert.That(responses.Skip(5).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.TooManyRequests));
        var rejected = await ReadJsonAsync(responses[^1]);
        Assert.That(rejected.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(responses[^1].Headers.RetryAfter, Is.Not.Null);
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.EqualTo(5));
    }

    [Test]
    public async Task ShouldNotCountOrLimitAnythingButTheWebhook()
    {
        string[] paths = ["/health/live", "/health/ready", "/openapi/v1.json"];
        await using var factory = new CallTranscriptionApiFactory(Database, new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "2",
            ["RateLimiting:Window"] = "00:01:00",
        });
        using var client = factory.CreateClient();

        var probes = new List<HttpResponseMessage>();
        foreach (var path in paths)
        {
            for (var i = 0; i < 5; i++)
            {
                probes.Add(await client.GetAsync(path));
            }
        }

        var webhook = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            webhook.Add(await PostTurnAsync(Turn("conv_probed", message: $"turn {i}", timestamp: IsoNow(i - 3)), client));
        }

        foreach (var path in paths)
        {
            probes.Add(await client.GetAsync(path));
        }

        Assert.That(probes.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK), "probes are never limited");
        Assert.That(webhook.Select(r => r.StatusCode),
            Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests }), "probes used none of the webhook's budget");
    }

    [Test]
    public async Task ShouldNotLimitByDefault()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            PostTurnAsync(Turn($"conv_unlimited_{i % 6}", message: $"turn {i}", timestamp: IsoNow(-i)))));

        Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Created));
    }
}
