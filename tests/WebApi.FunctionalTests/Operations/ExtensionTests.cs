using System.Collections.Concurrent;
using System.Net;
using Acme.Compliance;
using CallTranscription.Application;
using CallTranscription.Application.Transcriptions.SaveTranscription;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>What docs/extending.md promises: add a notification handler, change nothing else.</summary>
public class ExtensionTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    private CallTranscriptionApiFactory _extended = null!;
    private HttpClient _client = null!;
    private SavedTurns _saved = null!;
    private SilentEndpoint _silent = null!;

    [OneTimeSetUp]
    public void StartExtendedService()
    {
        _saved = new SavedTurns();
        _silent = new SilentEndpoint();
        _extended = new CallTranscriptionApiFactory(
            Database,
            new Dictionary<string, string?> { ["ElevenLabs:PostCallWebhookSecret"] = PostCallSecret },
            services => services
                .AddSingleton(_saved)
                .AddSingleton(_silent)
                .AddSingleton<IComplianceQueue>(_saved)
                // The failing handlers first, by hand: whichever order reflection lists the types in, the recording handler
                // then runs after them and shows that a failure does not silence the handlers after it.
                .AddScoped<INotificationHandler<TranscriptionSaved>, FailingHandler>()
                .AddScoped<INotificationHandler<TranscriptionSaved>, TimingOutHandler>()
                .AddHandlersFrom(typeof(ExtensionTests).Assembly));
        _client = _extended.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopExtendedServiceAsync()
    {
        _client.Dispose();
        await _extended.DisposeAsync();
        _silent.Dispose();
    }

    [SetUp]
    public void Forget()
    {
        _saved.Clear();
        _extended.Logs.Clear();
    }

    [Test]
    public async Task ShouldCallAnAddedHandlerAfterTheTurnCommits()
    {
        var driverId = await SeedDriverForConversationAsync("conv_extended");

        var response = await PostTurnAsync(Turn("conv_extended", "user"), _client);

        var body = await ReadJsonAsync(response);
        var saved = _saved.Received.Single();
        Assert.Multiple(() =>
        {
            Assert.That(saved.ConversationId, Is.EqualTo("conv_extended"));
            Assert.That(saved.TranscriptionId, Is.EqualTo(body.GetProperty("transcription_id").GetInt32()));
            Assert.That(saved.SequenceNumber, Is.EqualTo(1));
            Assert.That(saved.Speaker, Is.EqualTo(SpeakerType.Driver));
            Assert.That(saved.DriverId, Is.EqualTo(driverId));
            Assert.That(_saved.StoredWhenNotified.Single(), Is.True, "the turn was committed before the handler ran");
            Assert.That(_saved.Flagged.Single(), Is.EqualTo(("conv_extended", saved.TranscriptionId)), "the handler docs/extending.md shows ran");
        });
    }

    [Test]
    public async Task ShouldCallAnAddedHandlerForEachTurnATranscriptStores()
    {
        var startedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());
        var body = PostCallEvents.Transcription("conv_extended_transcript", startedAt, 20, [new("agent", "Hello Sam.", 0), new("user", "Hi.", 3)]);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/elevenlabs/post-call") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("ElevenLabs-Signature", PostCallEvents.Signature(PostCallSecret, DateTimeOffset.UtcNow, body));

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_saved.Received.Select(s => (s.ConversationId, s.SequenceNumber, s.Speaker)), Is.EqualTo(new[]
        {
            ("conv_extended_transcript", 1, SpeakerType.Agent), ("conv_extended_transcript", 2, SpeakerType.Driver),
        }));
        Assert.That(_saved.StoredWhenNotified, Has.All.True, "the turns were committed before the handler ran");
    }

    [Test]
    public async Task ShouldNotNotifyForAReplay()
    {
        var turn = Turn("conv_extended_replay");
        await PostTurnAsync(turn, _client);
        await PostTurnAsync(turn, _client);

        Assert.That(_saved.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ShouldKeepTheTurnAndTheOtherHandlersWhenOneHandlerFails()
    {
        var response = await PostTurnAsync(Turn("conv_extended_failure"), _client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(_saved.Ran, Is.EqualTo(new[] { nameof(FailingHandler), nameof(RecordingHandler) }), "the handler after the failing one still ran");
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.EqualTo(1));
        var failure = _extended.Logs.Entries.Single(e => e.Exception?.Message == "subscriber is broken");
        Assert.That(failure.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(failure.Fields["ConversationId"], Is.EqualTo("conv_extended_failure"), "the request's scope reaches the handlers");
        Assert.That(failure.Message, Does.Contain(nameof(FailingHandler)).And.Contain("ConversationId = conv_extended_failure"), "without scopes too");
    }

    [Test]
    public async Task ShouldAnswer201WhenAHandlerTimesOut()
    {
        var response = await PostTurnAsync(Turn("conv_extended_timeout"), _client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the turn is stored; a retry would be a replay that publishes nothing");
        Assert.That(_saved.Ran, Is.EqualTo(new[] { nameof(TimingOutHandler), nameof(RecordingHandler) }), "the handler after the one that timed out still ran");
        var failure = _extended.Logs.Entries.Single(e => e.Exception is TaskCanceledException);
        Assert.That(failure.Level, Is.EqualTo(LogLevel.Error));
    }

    public sealed class SavedTurns : IComplianceQueue
    {
        private readonly ConcurrentQueue<(string, int)> _flagged = new();

        private readonly ConcurrentQueue<TranscriptionSaved> _received = new();
        private readonly ConcurrentQueue<bool> _storedWhenNotified = new();
        private readonly ConcurrentQueue<string> _ran = new();

        public IReadOnlyList<TranscriptionSaved> Received => [.. _received];

        public IReadOnlyList<bool> StoredWhenNotified => [.. _storedWhenNotified];

        /// <summary>The handlers that acted, in the order they ran.</summary>
        public IReadOnlyList<string> Ran => [.. _ran];

        public void Acted(string handler) => _ran.Enqueue(handler);

        /// <summary>What docs/extending.md's example handler queued.</summary>
        public IReadOnlyList<(string ConversationId, int TranscriptionId)> Flagged => [.. _flagged];

        public Task EnqueueAsync(string conversationId, int transcriptionId, CancellationToken cancellationToken)
        {
            _flagged.Enqueue((conversationId, transcriptionId));
            return Task.CompletedTask;
        }

        public void Add(TranscriptionSaved saved, bool stored)
        {
            _received.Enqueue(saved);
            _storedWhenNotified.Enqueue(stored);
            _ran.Enqueue(nameof(RecordingHandler));
        }

        public void Clear()
        {
            _received.Clear();
            _storedWhenNotified.Clear();
            _ran.Clear();
            _flagged.Clear();
        }
    }

    public sealed class FailingHandler(SavedTurns saved) : INotificationHandler<TranscriptionSaved>
    {
        public Task Handle(TranscriptionSaved notification, CancellationToken cancellationToken)
        {
            if (notification.ConversationId != "conv_extended_failure")
            {
                return Task.CompletedTask;
            }

            saved.Acted(nameof(FailingHandler));
            throw new InvalidOperationException("subscriber is broken");
        }
    }

    /// <summary>Accepts connections and never answers, like a subscriber's downstream service that hangs.</summary>
    public sealed class SilentEndpoint : IDisposable
    {
        private readonly System.Net.Sockets.TcpListener _listener = new(IPAddress.Loopback, 0);

        public SilentEndpoint() => _listener.Start();

        public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public void Dispose() => _listener.Dispose();
    }

    public sealed class TimingOutHandler(SavedTurns saved, SilentEndpoint endpoint) : INotificationHandler<TranscriptionSaved>
    {
        public async Task Handle(TranscriptionSaved notification, CancellationToken cancellationToken)
        {
            if (notification.ConversationId == "conv_extended_timeout")
            {
                saved.Acted(nameof(TimingOutHandler));
                using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
                await http.GetAsync(endpoint.Address, cancellationToken);
            }
        }
    }

    public sealed class RecordingHandler(SavedTurns saved, IServiceScopeFactory scopes) : INotificationHandler<TranscriptionSaved>
    {
        public async Task Handle(TranscriptionSaved notification, CancellationToken cancellationToken)
        {
            // Looks from a separate scope (its own connection), so it sees only what is committed.
            await using var scope = scopes.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<CallTranscription.Infrastructure.Persistence.ApplicationDbContext>();
            var stored = await context.CallTranscriptions.AnyAsync(t => t.Id == notification.TranscriptionId, cancellationToken);
            saved.Add(notification, stored);
        }
    }
}
