using System.Collections.Concurrent;
using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Application.Transcriptions.SaveTranscription;
using CallTranscription.Domain.Drivers;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Reconciliation;
using MediatR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CallTranscription.WebApi.FunctionalTests.Reconciliation;

/// <summary>
/// The service reconciling against a fake Conversations API on loopback, on the database the shared service uses
/// (whose webhooks stand for ElevenLabs and the relay). Its clock is a FakeTimeProvider that only the tests move, and
/// its sweeps are run by the tests, one at a time, instead of by its timer.
/// </summary>
public abstract class ReconciliationTestBase(DatabaseKind kind) : PostCallTestBase(kind)
{
    protected static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(15);
    protected static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Short: a large jump of the fake clock runs every periodic timer of the host once per period.</summary>
    protected static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(2);

    protected FakeConversationsApi Api { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; private set; } = null!;

    protected CallTranscriptionApiFactory Reconciler { get; private set; } = null!;

    protected ConcurrentQueue<TranscriptionSaved> Notifications { get; } = new();

    [OneTimeSetUp]
    public void StartReconciler()
    {
        Api = new FakeConversationsApi();
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Reconciler = CreateInstance();
        _ = Reconciler.Services;
    }

    [OneTimeTearDown]
    public async Task StopReconcilerAsync()
    {
        await Reconciler.DisposeAsync();
        Api.Dispose();
    }

    [SetUp]
    public void ResetApi()
    {
        Api.Reset();
        Notifications.Clear();
        Reconciler.Logs.Clear();
    }

    /// <summary>Another instance of the service on the same database and clock.</summary>
    protected CallTranscriptionApiFactory CreateInstance(string apiKey = FakeConversationsApi.ApiKey, bool timer = false, Action<IServiceCollection>? configure = null) => new(
        Database,
        new Dictionary<string, string?>
        {
            ["ElevenLabs:ApiKey"] = apiKey,
            ["ElevenLabs:ApiBaseUrl"] = Api.Url,
            ["Reconciliation:QuietPeriod"] = QuietPeriod.ToString(),
            ["Reconciliation:Interval"] = Interval.ToString(),
            ["Reconciliation:GiveUpAfter"] = GiveUpAfter.ToString(),
        },
        services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(Notifications);
            services.AddScoped<INotificationHandler<TranscriptionSaved>, RecordNotification>();
            if (!timer)
            {
                var hosted = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReconciliationService));
                services.Remove(hosted);
            }

            configure?.Invoke(services);
        });

    protected Task<SweepResult> SweepAsync(CallTranscriptionApiFactory? instance = null) =>
        (instance ?? Reconciler).Services.GetRequiredService<ReconciliationSweep>().RunAsync(CancellationToken.None);

    /// <summary>
    /// Runs a sweep, moving the clock on for the HTTP client's waits between retries until the API has had
    /// <paramref name="requests"/> requests for the conversation; never while the last one is answered, so no attempt
    /// times out on the fake clock.
    /// </summary>
    protected async Task<SweepResult> SweepWhileTimePassesAsync(string conversationId, int requests)
    {
        var sweep = SweepAsync();
        while (!sweep.IsCompleted && Api.Requests(conversationId).Count < requests)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(sweep, Task.Delay(10));
        }

        return await sweep;
    }

    /// <summary>What a relay delivers in real time, to the reconciling instance: stored at its clock's now.</summary>
    protected async Task RelayToReconcilerAsync(string conversationId, params Said[] turns)
    {
        using var client = Reconciler.CreateClient();
        foreach (var said in turns)
        {
            var response = await PostTurnAsync(PostCallEvents.RelayedTurn(conversationId, StartedAt, said), client);
            Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), said.Message);
        }
    }

    /// <summary>Moves the clock on until whatever arrived until now has been quiet for the quiet period.</summary>
    protected void LetQuietPeriodPass() => Clock.Advance(QuietPeriod + TimeSpan.FromSeconds(1));

    /// <summary>What the call-placing system writes before the call starts, <paramref name="age"/> ago by the service's clock.</summary>
    protected Task<int> PlaceCallAsync(string conversationId, TimeSpan age) =>
        QueryAsync(async context =>
        {
            var placedAt = Clock.GetUtcNow() - age;
            var driver = new Driver { FullName = "Sam Rivera", PhoneNumber = "+15550104477", CreatedAt = placedAt };
            context.Drivers.Add(driver);
            await context.SaveChangesAsync();
            context.ElevenLabsCallRecords.Add(new ElevenLabsCallRecord
            {
                ConversationId = conversationId, DriverId = driver.Id, PhoneNumber = driver.PhoneNumber, CreatedAt = placedAt,
            });
            await context.SaveChangesAsync();
            return driver.Id;
        });

    protected static string NewConversationId() => $"conv_{Guid.NewGuid():N}";

    protected static string Done(string conversationId, IEnumerable<Said>? transcript = null, string status = "done") =>
        FakeConversationsApi.Conversation(conversationId, StartedAt, transcript ?? Conversation, status);

    // ExtensionTests registers every handler of this assembly in its own host, where no queue is registered: there it
    // records nothing instead of failing to resolve.
    private sealed class RecordNotification(IServiceProvider services) : INotificationHandler<TranscriptionSaved>
    {
        public Task Handle(TranscriptionSaved notification, CancellationToken cancellationToken)
        {
            services.GetService<ConcurrentQueue<TranscriptionSaved>>()?.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
