using System.Net;
using System.Text.Json.Nodes;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>The one line HttpLogging writes per request, with what the request did, as operators read it.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class RequestLoggingTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    private const string RequestCategory = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";
    private const string PersonalText = "My licence number is D1234-5678";
    private const string PhoneNumber = "+15550104477";

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
            Assert.That(line.Fields["Method"], Is.EqualTo("POST"));
            Assert.That(line.Fields["Path"]?.ToString(), Is.EqualTo(WebhookPath));
            Assert.That(line.Fields["StatusCode"], Is.EqualTo(201));
            Assert.That(line.Fields["Duration"], Is.TypeOf<double>());
            Assert.That(line.Fields["ConversationId"], Is.EqualTo("conv_logged"));
            Assert.That(line.Fields["SequenceNumber"], Is.EqualTo(1));
            Assert.That(line.Fields["Speaker"], Is.EqualTo("user"));
            Assert.That(line.Fields["MessageLength"], Is.EqualTo(PersonalText.Length));
            Assert.That(line.Fields, Does.Not.ContainKey("Replayed").And.Not.ContainKey("Error"));
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

        var replay = RequestLines()[1];
        Assert.That(RequestLines().Select(l => l.Fields.GetValueOrDefault("Replayed")), Is.EqualTo(new object?[] { null, true }));
        Assert.That(replay.Fields["SequenceNumber"], Is.EqualTo(1));
        Assert.That(replay.Message, Does.Contain("Replayed: True"));
    }

    [Test]
    public async Task ShouldLogARejectionWithTheReasonAndNoErrorEntry()
    {
        await PostTurnAsync(Turn("conv_logged_bad", speaker: "robot"));

        var line = RequestLines().Single();
        Assert.That(line.Fields["StatusCode"], Is.EqualTo(400));
        Assert.That(line.Fields["Error"], Does.Contain("speaker"));
        Assert.That(line.Fields["ConversationId"], Is.EqualTo("conv_logged_bad"));
        Assert.That(Factory.Logs.Entries.Where(e => e.Level >= LogLevel.Error), Is.Empty, "a refusal is the sender's fault, not the service's");
    }

    [Test]
    public async Task ShouldNameTheConversationWhenAnotherFieldHasTheWrongType()
    {
        await PostTurnAsync(new Dictionary<string, object?> { ["conversation_id"] = "conv_logged_types", ["message"] = 5 });

        var line = RequestLines().Single();
        Assert.That(line.Fields["StatusCode"], Is.EqualTo(400));
        Assert.That(line.Fields["ConversationId"], Is.EqualTo("conv_logged_types"));
    }

    [Test]
    public async Task ShouldLogAFailureWithItsExceptionUnderTheRequestsTrace()
    {
        Faults.FailInserts(_ => new InvalidOperationException("disk on fire"));

        var response = await PostTurnAsync(Turn("conv_logged_failure"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var line = RequestLines().Single();
        Assert.That(line.Fields["StatusCode"], Is.EqualTo(500));
        Assert.That(line.Fields["ConversationId"], Is.EqualTo("conv_logged_failure"));
        var error = Factory.Logs.Entries.Single(e => e.Category == "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware");
        Assert.That(error.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(error.Exception?.ToString(), Does.Contain("disk on fire"));
        Assert.That(line.Fields["Error"], Is.EqualTo(error.Exception!.GetType().Name), "the type only: an exception's text may hold SQL");
        Assert.That(error.Fields["TraceId"], Is.EqualTo(line.Fields["TraceId"]), "the error line leads to the request and its trace");
    }

    [TestCase("post_call_transcription", null)]
    [TestCase("call_initiation_failure", null)]
    [TestCase("post_call_audio", true)]
    public async Task ShouldNameThePostCallEventType(string type, bool? discarded)
    {
        var body = type switch
        {
            "post_call_transcription" => TranscriptOf("conv_logged_post_call"),
            "call_initiation_failure" => PostCallEvents.InitiationFailure("conv_logged_post_call", StartedAt),
            _ => PostCallEvents.Audio("conv_logged_post_call", StartedAt),
        };

        var response = await PostCallAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var line = RequestLines().Single();
        Assert.That(line.Fields["Path"]?.ToString(), Is.EqualTo(PostCallPath));
        Assert.That(line.Fields["StatusCode"], Is.EqualTo(200));
        Assert.That(line.Fields["EventType"], Is.EqualTo(type));
        Assert.That(line.Fields.GetValueOrDefault("Discarded"), Is.EqualTo(discarded));
        Assert.That(line.Message, Does.Contain($"EventType: {type}"));
    }

    [Test]
    public async Task ShouldNeverLogMessageTextPhoneNumbersOrSignatures()
    {
        await PostTurnAsync(Turn("conv_private", "user", PersonalText));
        var transcript = JsonNode.Parse(TranscriptOf("conv_private_post_call"))!;
        transcript["data"]!["transcript"]![1]!["message"] = PersonalText;
        transcript["data"]!["metadata"]!["phone_call"]!["external_number"] = PhoneNumber;
        var body = System.Text.Encoding.UTF8.GetBytes(transcript.ToJsonString());
        var response = await PostCallAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var everything = Factory.Logs.Entries.Select(e => e.Message + " " + string.Join(" ", e.Fields.Values)).ToList();
        Assert.That(RequestLines(), Has.Count.EqualTo(2));
        Assert.That(everything, Has.None.Contains(PersonalText).And.None.Contains(PhoneNumber).And.None.Contains("v0="), "no signature header");
    }

    [Test]
    public async Task ShouldNotLogTheSendersTextFromARefusedBody()
    {
        await PostTurnAsync(Turn("conv_private\nforged line", "my number is " + PhoneNumber, PersonalText));
        await PostTurnAsync(new Dictionary<string, object?> { ["conversation_id"] = PhoneNumber + " call me", ["speaker"] = 7 });
        var postCall = JsonNode.Parse(TranscriptOf("conv_private_post_call"))!;
        postCall["type"] = "call me on " + PhoneNumber;
        await PostCallAsync(System.Text.Encoding.UTF8.GetBytes(postCall.ToJsonString()));

        var everything = Factory.Logs.Entries.Select(e => e.Message + " " + string.Join(" ", e.Fields.Values)).ToList();
        Assert.That(RequestLines(), Has.Count.EqualTo(3));
        Assert.That(everything, Has.None.Contains(PhoneNumber).And.None.Contains("forged line"));
        Assert.That(RequestLines().Select(line => line.Fields.GetValueOrDefault("ConversationId")), Has.Some.EqualTo(Logging.WebhookRequestLog.Unreadable));
    }

    [Test]
    public async Task ShouldWriteOnlyWhatIsKnown()
    {
        await PostRawAsync("{");

        var line = RequestLines().Single();
        Assert.That(line.Fields["StatusCode"], Is.EqualTo(400));
        Assert.That(line.Fields, Does.Not.ContainKey("ConversationId").And.Not.ContainKey("SequenceNumber"));
        Assert.That(line.Fields.Values, Has.None.Null);
        Assert.That(line.Message.Split('\n').Skip(1), Has.None.Match(@":\s*$"), "no field without a value");
    }

    [Test]
    public async Task ShouldLogTheTraceId()
    {
        await PostTurnAsync(Turn("conv_traced"));

        var line = RequestLines().Single();
        Assert.That(line.Fields["TraceId"], Is.InstanceOf<string>().And.Match("^[0-9a-f]{32}$"));
        Assert.That(line.Message, Does.Contain($"TraceId: {line.Fields["TraceId"]}"));
    }

    [Test]
    public async Task ShouldLogEveryPathButTheHealthProbes()
    {
        await Client.GetAsync("/health/live");
        await Client.GetAsync("/health/ready");
        await Client.GetAsync("/webhook/elevenlabs/transcription");

        Assert.That(RequestLines(), Has.Count.EqualTo(1), string.Join("\n", RequestLines().Select(l => l.Message)));
        var line = RequestLines().Single();
        Assert.That(line.Fields["Path"]?.ToString(), Is.EqualTo("/webhook/elevenlabs/transcription"));
        Assert.That(line.Fields["StatusCode"], Is.EqualTo(404));
    }

    private List<LogEntry> RequestLines() => Factory.Logs.Entries.Where(e => e.Category == RequestCategory).ToList();
}
