using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Drivers;
using CallTranscription.Infrastructure.Persistence;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// A suite deriving from this runs over HTTP once per database in TestDatabases.Kinds, unless it says otherwise with a
/// TestFixtureSource of its own (TestDatabases.Once).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Kinds))]
public abstract class WebhookTestBase(DatabaseKind kind)
{
    protected const string WebhookPath = "/webhooks/elevenlabs/transcription";

    /// <summary>The post-call webhook's secret in the service every suite shares; the per-turn webhook stays public.</summary>
    protected const string PostCallSecret = SharedServices.PostCallSecret;

    protected DatabaseKind Kind { get; } = kind;

    protected TestDatabase Database { get; private set; } = null!;

    protected CallTranscriptionApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>The shared service's write faults, disarmed before each test.</summary>
    protected WriteFaults Faults { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task UseSharedServiceAsync()
    {
        (Database, Factory, Client, Faults) = await SharedServices.ForAsync(Kind);
    }

    [SetUp]
    public Task ResetDatabaseAsync()
    {
        Faults.Disarm();
        return Database.ResetAsync();
    }

    protected static string IsoNow(double secondsOffset = 0) =>
        DateTimeOffset.UtcNow.AddSeconds(secondsOffset).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    protected static Dictionary<string, object?> Turn(string conversationId, string speaker = "agent", string message = "Hello", string? timestamp = null) =>
        new()
        {
            ["conversation_id"] = conversationId,
            ["speaker"] = speaker,
            ["message"] = message,
            ["timestamp"] = timestamp ?? IsoNow(),
        };

    protected Task<HttpResponseMessage> PostTurnAsync(object body, HttpClient? client = null) =>
        (client ?? Client).PostAsJsonAsync(WebhookPath, body);

    protected Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json") =>
        Client.PostAsync(WebhookPath, new StringContent(body, Encoding.UTF8, contentType));

    protected static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected async Task<T> QueryAsync<T>(Func<ApplicationDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await query(context);
    }

    /// <summary>Runs <paramref name="work"/> as the handler runs its own: a repository inside the service's unit of work.</summary>
    protected async Task<T> InUnitOfWorkAsync<TRepository, T>(Func<TRepository, IUnitOfWork, CancellationToken, Task<T>> work)
        where TRepository : notnull
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<TRepository>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        return await unitOfWork.ExecuteAsync(ct => work(repository, unitOfWork, ct), CancellationToken.None);
    }

    /// <summary>What the call-placing system writes: a driver, and the conversation that was placed to them.</summary>
    protected Task<int> SeedDriverForConversationAsync(string conversationId) =>
        QueryAsync(async context =>
        {
            var driver = new Driver { FullName = "Sam Rivera", PhoneNumber = "+15550104477", CreatedAt = DateTimeOffset.UtcNow };
            context.Drivers.Add(driver);
            await context.SaveChangesAsync();
            context.ElevenLabsCallRecords.Add(new ElevenLabsCallRecord
            {
                ConversationId = conversationId, DriverId = driver.Id, PhoneNumber = driver.PhoneNumber, CreatedAt = DateTimeOffset.UtcNow,
            });
            await context.SaveChangesAsync();
            return driver.Id;
        });
}
