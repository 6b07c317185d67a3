using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class HostileInputTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    private static IEnumerable<HostileInputCase> Corpus() => HostileInputCorpus.Cases();

    [TestCaseSource(nameof(Corpus))]
    public async Task ShouldRejectClearlyAndStoreNothing(HostileInputCase hostile)
    {
        var content = new ByteArrayContent(hostile.Body);
        if (hostile.ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
        }

        var response = await Client.PostAsync(WebhookPath, content);

        Assert.That((int)response.StatusCode, Is.EqualTo(hostile.ExpectedStatus));
        var body = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("error"));
            Assert.That(body.GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(body.GetProperty("details").GetString(), Does.Contain(hostile.DetailsFragment));
            Assert.That(body.GetProperty("details").GetString(), Does.Not.Contain("BytePositionInLine").And.Not.Contain("isFinalBlock").And.Not.Contain("Path: $"),
                "no .NET parser text");
        });
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);

        var healthy = await PostTurnAsync(Turn("conv_after_hostile"));
        Assert.That(healthy.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the service must stay up");
    }

    // No Content-Length, and a host that does not enforce the limit itself (Kestrel does): the service's own count.
    [Test]
    public async Task ShouldRefuseABodyOverTheLimitThatDeclaresNoLength()
    {
        var oversized = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Turn("conv_unsized", message: new string('m', 70_000))));
        var content = new PiecewiseContent(oversized, pieces: 4);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        var response = await Client.PostAsync(WebhookPath, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((await ReadJsonAsync(response)).GetProperty("details").GetString(), Does.Contain("at most 65536 bytes"));
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero);
    }
}
