using System.Net;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Logging;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

public class RequestLoggingTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    private const string PersonalText = "My licence number is D1234-5678";

    [SetUp]
    public void ForgetEarlierLogs() => Factory.Logs.Clear();

    [Test]
    public async Task ShouldLogOneStructuredLinePerStoredTurn()
    {
        await PostTurnAsync(Turn("conv_logged", "user", PersonalText));

        var line = RequestLines().Single();
        Assert.Multiple(() =>
        {
            Assert.That(line.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(line.Fields["ConversationId"], Is.EqualTo("conv_logged"));
            Assert.That(line.Fields["SequenceNumber"], Is.EqualTo(1));
            Assert.That(line.Fields["Speaker"], Is.EqualTo("user"));
            Assert.That(line.Fields["Outcome"], Is.EqualTo("stored"));
            Assert.That(line.Fields["StatusCode"], Is.EqualTo(201));
            Assert.That(line.Fields["DurationMs"], Is.TypeOf<double>().And.GreaterThan(0));
            Assert.That(line.Fields["MessageLength"], Is.EqualTo(PersonalText.Length));
        });
    }

    [Test]
    public async Task ShouldLogTheMessageLengthAsTheLimitCountsIt()
    {
        await PostTurnAsync(Turn("conv_logged_emoji", "user", "Truck \U0001F69A ok"));

        Assert.That(RequestLines().Single().Fields["MessageLength"], Is.EqualTo(10));
    }

    [Test]
    public async Task ShouldLogAReplayAsReplayed()
    {
        var turn = Turn("conv_logged_replay");
        await PostTurnAsync(turn);
        await PostTurnAsync(turn);

        Assert.That(RequestLines().Select(l => l.Fields["Outcome"]), Is.EqualTo(new[] { "stored", "replayed" }));
    }

    [Test]
    public async Task ShouldLogARejectionAtWarningWithTheReason()
    {
        await PostTurnAsync(Turn("conv_logged_bad", speaker: "robot"));

        var line = RequestLines().Single();
        Assert.That(line.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(line.Fields["Outcome"], Is.EqualTo("rejected"));
        Assert.That(line.Fields["StatusCode"], Is.EqualTo(400));
        Assert.That(line.Fields["Error"], Does.Contain("speaker"));
        Assert.That(line.Fields["ConversationId"], Is.EqualTo("conv_logged_bad"));
    }

    [Test]
    public async Task ShouldNameTheConversationWhenAnotherFieldHasTheWrongType()
    {
        await PostTurnAsync(new Dictionary<string, object?> { ["conversation_id"] = "conv_logged_types", ["message"] = 5 });

        var line = RequestLines().Single();
        Assert.That(line.Fields["Outcome"], Is.EqualTo("rejected"));
        Assert.That(line.Fields["ConversationId"], Is.EqualTo("conv_logged_types"));
    }

    [Test]
    public async Task ShouldNeverLogTheMessageText()
    {
        await PostTurnAsync(Turn("conv_private", "user", PersonalText));
        await PostTurnAsync(Turn("conv_private", "bot", PersonalText));

        var everything = Factory.Logs.Entries.Select(e => e.Message + " " + string.Join(" ", e.Fields.Values));
        Assert.That(Factory.Logs.Entries, Is.Not.Empty);
        Assert.That(everything, Has.None.Contains(PersonalText));
    }

    [Test]
    public async Task ShouldLogAFailureAtErrorWithTheException()
    {
        var fault = new InsertFault(Database, _ => new InvalidOperationException("disk on fire"));
        await using var factory = new CallTranscriptionApiFactory(Database, configureServices: fault.AddTo);
        using var client = factory.CreateClient();

        var response = await PostTurnAsync(Turn("conv_logged_failure"), client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var line = factory.Logs.Entries.Single(e => e.Category == typeof(WebhookRequestLoggingMiddleware).FullName);
        Assert.That(line.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(line.Fields["Outcome"], Is.EqualTo("failed"));
        Assert.That(line.Exception, Is.Not.Null);
        Assert.That(line.Exception!.ToString(), Does.Contain("disk on fire"));
        Assert.That(line.Fields["ConversationId"], Is.EqualTo("conv_logged_failure"));
    }

    [Test]
    public async Task ShouldLogASlowRequestAtWarning()
    {
        await using var factory = new CallTranscriptionApiFactory(Database,
            new Dictionary<string, string?> { ["RequestLogging:SlowRequestThreshold"] = "00:00:00.0000001" });
        using var client = factory.CreateClient();

        await PostTurnAsync(Turn("conv_slow"), client);

        var line = factory.Logs.Entries.Single(e => e.Category == typeof(WebhookRequestLoggingMiddleware).FullName);
        Assert.That(line.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(line.Fields["Outcome"], Is.EqualTo("stored"));
        Assert.That(line.Fields["Slow"], Is.True);
        Assert.That(line.Message, Does.Contain("slow (over 0 ms)"));
    }

    [Test]
    public async Task ShouldNotCallAFastRequestSlow()
    {
        await PostTurnAsync(Turn("conv_fast"));

        Assert.That(RequestLines().Single().Fields["Slow"], Is.False);
        Assert.That(RequestLines().Single().Message, Does.Not.Contain("slow"));
    }

    [Test]
    public async Task ShouldWriteOnlyWhatIsKnownInTheMessage()
    {
        await PostTurnAsync(Turn("conv_known", "user", "Hello"));
        await PostTurnAsync(Turn("conv_known", "robot", "Hello"));
        await PostRawAsync("{");

        var messages = RequestLines().Select(l => l.Message).ToList();
        Assert.That(messages, Has.Count.EqualTo(3));
        Assert.That(messages[0], Does.StartWith("Webhook stored conversation conv_known turn 1 (user): 201 in ").And.Contain(", message length 5 ["));
        Assert.That(messages[1], Does.StartWith("Webhook rejected conversation conv_known (robot): 400 in ").And.Contain(", error: speaker must be"));
        Assert.That(messages[2], Does.StartWith("Webhook rejected: 400 in ").And.Contain(", error: "));
        Assert.That(messages, Has.None.Match(@"\(\)|  |turn \(|turn :|error\s*(\[|$)|, error: \["), "no empty placeholder, no dangling label");
    }

    [Test]
    public async Task ShouldLogTheRequestAndTraceIds()
    {
        await PostTurnAsync(Turn("conv_traced"));

        var line = RequestLines().Single();
        Assert.That(line.Fields["RequestId"], Is.InstanceOf<string>().And.Not.Empty);
        Assert.That(line.Fields["TraceId"], Is.InstanceOf<string>().And.Match("^[0-9a-f]{32}$"));
        Assert.That(line.Fields, Does.ContainKey("ClientAddress"));
        Assert.That(line.Message, Does.Contain($"request {line.Fields["RequestId"]}, trace {line.Fields["TraceId"]}"));
    }

    private List<LogEntry> RequestLines() =>
        Factory.Logs.Entries.Where(e => e.Category == typeof(WebhookRequestLoggingMiddleware).FullName).ToList();
}
