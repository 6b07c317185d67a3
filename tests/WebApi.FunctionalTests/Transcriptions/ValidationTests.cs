using System.Net;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class ValidationTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    private static readonly string[] _fields = ["conversation_id", "speaker", "message", "timestamp"];

    [TestCaseSource(nameof(_fields))]
    public async Task ShouldRejectAMissingField(string field)
    {
        var body = Turn("conv_missing");
        body.Remove(field);

        await AssertRejectedAsync(await PostTurnAsync(body), field);
    }

    [TestCaseSource(nameof(_fields))]
    public async Task ShouldRejectANullField(string field)
    {
        var body = Turn("conv_null");
        body[field] = null;

        await AssertRejectedAsync(await PostTurnAsync(body), field);
    }

    [TestCaseSource(nameof(_fields))]
    public async Task ShouldRejectAnEmptyField(string field)
    {
        var body = Turn("conv_empty");
        body[field] = "";

        await AssertRejectedAsync(await PostTurnAsync(body), field);
    }

    [TestCaseSource(nameof(_fields))]
    public async Task ShouldRejectAWronglyTypedField(string field)
    {
        var body = Turn("conv_types");
        body[field] = 12345;

        await AssertRejectedAsync(await PostTurnAsync(body), $"{field} has the wrong type");
    }

    [Test]
    public async Task ShouldRejectAnInvalidSpeaker() =>
        await AssertRejectedAsync(await PostTurnAsync(Turn("conv_speaker", speaker: "driver")), "speaker must be 'agent' or 'user'");

    [Test]
    public async Task ShouldRejectAnInvalidTimestamp() =>
        await AssertRejectedAsync(await PostTurnAsync(Turn("conv_time", timestamp: "half past two")), "timestamp");

    [Test]
    public async Task ShouldRejectMalformedJson() =>
        await AssertRejectedAsync(await PostRawAsync("{\"conversation_id\": \"conv_bad\", \"speaker\": "), "not valid JSON");

    [Test]
    public async Task ShouldRejectABodyThatIsNotAnObject() =>
        await AssertRejectedAsync(await PostRawAsync("[1, 2, 3]"), "JSON object");

    [Test]
    public async Task ShouldNameEveryOffendingField()
    {
        var response = await PostTurnAsync(new Dictionary<string, object?> { ["speaker"] = "robot", ["message"] = "Hi" });

        var details = await AssertRejectedAsync(response, "conversation_id");
        Assert.That(details, Does.Contain("speaker").And.Contain("timestamp"));
    }

    [Test]
    public async Task ShouldNameTheWronglyTypedFieldAndWhereItIs()
    {
        var response = await PostRawAsync("{\"conversation_id\":5,\"speaker\":true,\"message\":\"Hi\"}");

        var details = await AssertRejectedAsync(response, "conversation_id");
        Assert.That(details, Is.EqualTo("conversation_id has the wrong type or an invalid value, or is given twice (line 1, byte 21)."));
    }

    [Test]
    public async Task ShouldRejectAPropertyGivenTwiceAndSayWhere()
    {
        var details = await AssertRejectedAsync(
            await PostRawAsync($"{{\"conversation_id\":\"conv_twice\",\"speaker\":\"user\",\"speaker\":\"agent\",\"message\":\"Hi\",\"timestamp\":\"{IsoNow()}\"}}"),
            "speaker has the wrong type or an invalid value, or is given twice (line 1, byte ");

        Assert.That(details, Does.Not.Contain("Path").And.Not.Contain("LineNumber"));
    }

    [Test]
    public async Task ShouldAcceptABodyThatStartsWithAByteOrderMark()
    {
        var response = await PostRawAsync("\uFEFF" + System.Text.Json.JsonSerializer.Serialize(Turn("conv_bom")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ShouldIgnoreUnknownExtraFields()
    {
        var body = Turn("conv_extra");
        body["confidence"] = 0.97;
        body["metadata"] = new { language = "en" };

        var response = await PostTurnAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("yyyy-MM-ddTHH:mm:ss.fffffff'00Z'", TestName = "ShouldAcceptNanosecondTimestamps")]
    [TestCase("yyyy-MM-dd't'HH:mm:ss'z'", TestName = "ShouldAcceptLowercaseSeparators")]
    public async Task ShouldAcceptRfc3339Timestamps(string format)
    {
        var instant = DateTimeOffset.UtcNow.AddMinutes(-1);

        var response = await PostTurnAsync(Turn("conv_rfc3339", timestamp: instant.ToString(format, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ShouldCountMessageCharactersAsTheDocsSay()
    {
        // 10,001 emoji, sent as raw UTF-8 (40 KB, under the 64 KiB body limit): 20,002 UTF-16 units, 10,001 characters.
        var message = string.Concat(Enumerable.Repeat("\U0001F69A", 10_001));

        var body = $"{{\"conversation_id\":\"conv_emoji\",\"speaker\":\"user\",\"message\":\"{message}\",\"timestamp\":\"{IsoNow()}\"}}";

        var response = await PostRawAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private async Task<string> AssertRejectedAsync(HttpResponseMessage response, string detailsFragment)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = await ReadJsonAsync(response);
        var details = body.GetProperty("details").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("error"));
            Assert.That(body.GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(details, Does.Contain(detailsFragment));
        });
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero, "a rejected turn must not create a call");
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero, "a rejected turn must not be stored");
        return details!;
    }
}
