using System.Net.Http.Headers;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.WebApi.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>Suites of the post-call webhook: ElevenLabs' signed events, over HTTP, on every database.</summary>
public abstract class PostCallTestBase(DatabaseKind kind) : WebhookTestBase(kind)
{
    protected const string PostCallPath = "/webhooks/elevenlabs/post-call";

    /// <summary>A call as tests place it: started five minutes ago, on whole seconds as ElevenLabs reports them.</summary>
    protected static DateTimeOffset StartedAt { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());

    protected static Said[] Conversation { get; } =
    [
        new("agent", "Hi Mike, this is the safety desk. Do you have a minute?", 0),
        new("user", "Yeah, go ahead.", 5),
        new("agent", null, 7),
        new("agent", "The ticket says a brake light was out. Is it fixed?", 9),
        new("user", "Yes.", 14),
        new("agent", "Did a mechanic sign it off?", 17),
        new("user", "Yes.", 21),
        new("agent", "Thanks, that closes the ticket. Drive safe.", 24),
    ];

    /// <summary>The entries of <see cref="Conversation"/> that are turns (have text), in order.</summary>
    protected static Said[] Turns { get; } = Conversation.Where(s => s.Message is not null).ToArray();

    protected static byte[] TranscriptOf(string conversationId, IEnumerable<Said>? transcript = null, string status = "done") =>
        PostCallEvents.Transcription(conversationId, StartedAt, 38, transcript ?? Conversation, status);

    protected Task<HttpResponseMessage> PostCallAsync(byte[] body, string? secret = PostCallSecret, DateTimeOffset? signedAt = null, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PostCallPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.HeaderName, PostCallEvents.Signature(secret, signedAt ?? DateTimeOffset.UtcNow, body));
        }

        return (client ?? Client).SendAsync(request);
    }

    /// <summary>What a relay delivered in real time: the given turns, each answered 201.</summary>
    protected async Task RelayAsync(string conversationId, params Said[] turns)
    {
        foreach (var said in turns)
        {
            var response = await PostTurnAsync(PostCallEvents.RelayedTurn(conversationId, StartedAt, said));
            Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), said.Message);
        }
    }

    protected Task<Call> StoredCallAsync(string conversationId) =>
        QueryAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.ConversationId == conversationId));

    protected Task<List<Transcription>> StoredTurnsAsync(string conversationId) =>
        QueryAsync(db => db.CallTranscriptions.AsNoTracking().Where(t => t.ConversationId == conversationId).OrderBy(t => t.SequenceNumber).ToListAsync());

    /// <summary>The stored conversation as (sequence number, speaker as the contract names it, text).</summary>
    protected async Task<(int, string, string)[]> StoredConversationAsync(string conversationId) =>
        (await StoredTurnsAsync(conversationId)).Select(t => (t.SequenceNumber, t.SpeakerType == SpeakerType.Agent ? "agent" : "user", t.MessageText)).ToArray();

    protected static (int, string, string)[] Numbered(IEnumerable<Said> turns) =>
        turns.Select((said, i) => (i + 1, said.Role, said.Message!)).ToArray();
}
