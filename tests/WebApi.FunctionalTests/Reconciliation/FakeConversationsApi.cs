using System.Text.Json.Nodes;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using WireMock;
using WireMock.Logging;
using WireMock.Types;
using WireMock.Util;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace CallTranscription.WebApi.FunctionalTests.Reconciliation;

/// <summary>ElevenLabs' Conversations API on loopback: 401 without the key, 404 for a conversation it does not know.</summary>
public sealed class FakeConversationsApi : IDisposable
{
    public const string ApiKey = "xi_test_key_7c1e5b90d2a4";
    private const string KeyHeader = "xi-api-key";

    private readonly WireMockServer _server;

    public FakeConversationsApi()
    {
        Url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [Url] });
        Reset();
    }

    public string Url { get; }

    public void Reset()
    {
        _server.Reset();
        _server.Given(Request.Create().WithPath("/v1/convai/*").UsingGet()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(401).WithBodyAsJson(new { detail = new { status = "invalid_api_key" } }));
        _server.Given(Request.Create().WithPath("/v1/convai/*").UsingGet().WithHeader(KeyHeader, ApiKey)).AtPriority(50)
            .RespondWith(Response.Create().WithStatusCode(404).WithBodyAsJson(new { detail = "Conversation not found" }));
    }

    /// <summary>The conversation's body as ElevenLabs documents it: the post-call webhook's <c>data</c>.</summary>
    public static string Conversation(string conversationId, DateTimeOffset startedAt, IEnumerable<Said> transcript, string status = "done", int durationSecs = 38) =>
        JsonNode.Parse(PostCallEvents.Transcription(conversationId, startedAt, durationSecs, transcript, status))!["data"]!.ToJsonString();

    /// <summary>Answers GET /v1/convai/conversations/{id} with each of <paramref name="answers"/> in turn, the last one from then on.</summary>
    public void Serve(string conversationId, params Answer[] answers)
    {
        var served = 0;
        _server.Given(Given(ConversationPath(conversationId))).AtPriority(1).RespondWith(Response.Create().WithCallback(_ =>
        {
            var answer = answers[Math.Min(Interlocked.Increment(ref served), answers.Length) - 1];
            if (answer.Delay is { } delay)
            {
                Thread.Sleep(delay);
            }

            return answer.ToMessage();
        }));
    }

    /// <summary>Answers the list (page by page: the cursor of page n is "page-n").</summary>
    public void ServeList(params string[] pages)
    {
        for (var i = 0; i < pages.Length; i++)
        {
            var request = Given("/v1/convai/conversations");
            request = i == 0 ? request.WithParam("cursor", WireMock.Matchers.MatchBehaviour.RejectOnMatch) : request.WithParam("cursor", $"page-{i}");
            _server.Given(request).AtPriority(1).RespondWith(Response.Create().WithStatusCode(200).WithBody(pages[i]));
        }
    }

    public static string Page(int index, bool hasMore, params (string Id, string Status)[] conversations) => new JsonObject
    {
        ["conversations"] = new JsonArray(conversations.Select(c => (JsonNode)new JsonObject
        {
            ["agent_id"] = "agent_01jx3k9q7a2b3c4d5e6f7g8h9",
            ["agent_name"] = "Safety desk",
            ["conversation_id"] = c.Id,
            ["start_time_unix_secs"] = 1767702300,
            ["call_duration_secs"] = 38,
            ["message_count"] = 7,
            ["status"] = c.Status,
            ["call_successful"] = "success",
        }).ToArray()),
        ["has_more"] = hasMore,
        ["next_cursor"] = hasMore ? $"page-{index + 1}" : null,
    }.ToJsonString();

    public IReadOnlyList<ILogEntry> Requests(string conversationId) =>
        [.. _server.LogEntries.Where(e => e.RequestMessage.Path == ConversationPath(conversationId))];

    public IReadOnlyList<ILogEntry> ListRequests() =>
        [.. _server.LogEntries.Where(e => e.RequestMessage.Path == "/v1/convai/conversations")];

    public IReadOnlyList<ILogEntry> AllRequests() => [.. _server.LogEntries];

    public void Dispose() => _server.Stop();

    private static string ConversationPath(string conversationId) => $"/v1/convai/conversations/{conversationId}";

    private static IRequestBuilder Given(string path) => Request.Create().WithPath(path).UsingGet().WithHeader(KeyHeader, ApiKey);
}

/// <summary>One answer of the fake API.</summary>
public sealed record Answer(int Status, string? Body = null, string? RetryAfter = null, TimeSpan? Delay = null)
{
    public static Answer Ok(string body, TimeSpan? delay = null) => new(200, body, Delay: delay);

    public ResponseMessage ToMessage()
    {
        var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") };
        if (RetryAfter is not null)
        {
            headers["Retry-After"] = new(RetryAfter);
        }

        return new ResponseMessage
        {
            StatusCode = Status,
            Headers = headers,
            BodyData = new BodyData { BodyAsString = Body ?? "{\"detail\":\"error\"}", DetectedBodyType = BodyType.String },
        };
    }
}
