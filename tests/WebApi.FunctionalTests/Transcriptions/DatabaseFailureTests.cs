using System.Net;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

public class DatabaseFailureTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldAnswer500WhenTheDatabaseIsUnreachable()
    {
        await using var factory = new CallTranscriptionApiFactory(
            new UnreachableDatabase(Kind),
            new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false", ["Database:StartupTimeout"] = "00:00:00" });
        using var client = factory.CreateClient();

        var response = await PostTurnAsync(Turn("conv_unreachable"), client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var text = await response.Content.ReadAsStringAsync();
        var body = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("error"));
            Assert.That(body.GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(body.GetProperty("details").GetString(), Is.Not.Empty);
            Assert.That(text, Does.Not.Contain("Exception").And.Not.Contain(" at ").And.Not.Contain("SELECT")
                .And.Not.Contain("Data Source").And.Not.Contain("Host=").And.Not.Contain("not-a-real-secret"));
        });
    }

    [Test]
    public async Task ShouldKeepAnsweringWhileTheDatabaseStaysUnreachable()
    {
        await using var factory = new CallTranscriptionApiFactory(
            new UnreachableDatabase(Kind),
            new Dictionary<string, string?>
            {
                ["Database:MigrateOnStartup"] = "false", ["Database:StartupTimeout"] = "00:00:00", ["Database:Retry:BaseDelay"] = "00:00:00.010",
            });
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60); // a writer that stopped after the first failure would leave the next ones hanging

        for (var request = 1; request <= 3; request++)
        {
            var response = await PostTurnAsync(Turn($"conv_unreachable_{request}"), client);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), $"request {request}");
        }
    }

    [Test]
    public async Task ShouldStoreNothingWhenATurnFailsMidway()
    {
        var fault = new InsertFault(Database, _ => new InvalidOperationException("disk on fire"));
        await using var factory = FactoryWith(fault);
        using var client = factory.CreateClient();

        var response = await PostTurnAsync(Turn("conv_midway"), client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(fault.Attempts, Is.EqualTo(1), "a non-transient fault is not retried");
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero, "the call insert must roll back with the turn");
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ShouldKeepTheOtherTurnsWhenOneTurnFails()
    {
        var fault = new InsertFault(Database, attempt => attempt == 2 ? new InvalidOperationException("disk on fire") : null);
        await using var factory = FactoryWith(fault);
        using var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => PostTurnAsync(Turn($"conv_neighbour_{i}"), client)));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.InternalServerError), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(7));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.EqualTo(7), "the failed turn's call rolls back alone");
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.EqualTo(7));
    }

    [Test]
    public async Task ShouldRetryATransientFaultWithoutWritingTwice()
    {
        var fault = new InsertFault(Database, attempt => attempt <= 2 ? new TimeoutException("blip") : null);
        await using var factory = FactoryWith(fault);
        using var client = factory.CreateClient();

        var response = await PostTurnAsync(Turn("conv_blip"), client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(fault.Attempts, Is.EqualTo(3));
        await AssertOneTurnStoredAsync();
    }

    [Test]
    public async Task ShouldAnswerWithTheStoredTurnWhenACommitSucceedsButReportsAFault()
    {
        var fault = new CommitFault(Database);
        await using var factory = new CallTranscriptionApiFactory(
            Database, new Dictionary<string, string?> { ["Database:Retry:BaseDelay"] = "00:00:00.010" }, fault.AddTo);
        using var client = factory.CreateClient();
        fault.Arm();

        var response = await PostTurnAsync(Turn("conv_ambiguous"), client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the retry finds the committed turn");
        Assert.That(response.Headers.Contains("Idempotent-Replayed"), Is.True);
        var body = await ReadJsonAsync(response);
        var stored = await QueryAsync(db => db.CallTranscriptions.SingleAsync());
        Assert.That(body.GetProperty("transcription_id").GetInt32(), Is.EqualTo(stored.Id));
        await AssertOneTurnStoredAsync();
    }

    [Test]
    public async Task ShouldAnswer500AfterTheLastAttempt()
    {
        var fault = new InsertFault(Database, _ => new TimeoutException("still down"));
        await using var factory = FactoryWith(fault);
        using var client = factory.CreateClient();

        var response = await PostTurnAsync(Turn("conv_down"), client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(fault.Attempts, Is.EqualTo(3), "three attempts by default");
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
    }

    private async Task AssertOneTurnStoredAsync()
    {
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.CallTranscriptions.Select(t => t.SequenceNumber).ToListAsync()), Is.EqualTo(new[] { 1 }));
    }

    private CallTranscriptionApiFactory FactoryWith(InsertFault fault) => new(
        Database,
        new Dictionary<string, string?> { ["Database:Retry:BaseDelay"] = "00:00:00.010" },
        fault.AddTo);
}
