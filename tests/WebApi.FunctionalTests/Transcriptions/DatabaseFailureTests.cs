using System.Net;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

/// <summary>A write that fails in the shared service, by a fault the test arms: 5xx, and nothing half-stored.</summary>
public class DatabaseFailureTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldStoreNothingWhenATurnFailsMidway()
    {
        Faults.FailInserts(_ => new InvalidOperationException("disk on fire"));

        var response = await PostTurnAsync(Turn("conv_midway"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(Faults.InsertAttempts, Is.EqualTo(1), "a non-transient fault is not retried");
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero, "the call insert must roll back with the turn");
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ShouldKeepTheOtherTurnsWhenOneTurnFails()
    {
        Faults.FailInserts(attempt => attempt == 2 ? new InvalidOperationException("disk on fire") : null);

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => PostTurnAsync(Turn($"conv_neighbour_{i}"))));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.InternalServerError), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(7));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.EqualTo(7), "the failed turn's call rolls back alone");
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.EqualTo(7));
    }

    [Test]
    public async Task ShouldRetryATransientFaultWithoutWritingTwice()
    {
        Faults.FailInserts(attempt => attempt <= 2 ? new TimeoutException("blip") : null);

        var response = await PostTurnAsync(Turn("conv_blip"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Faults.InsertAttempts, Is.EqualTo(3));
        await AssertOneTurnStoredAsync();
    }

    [Test]
    public async Task ShouldAnswerWithTheStoredTurnWhenACommitSucceedsButReportsAFault()
    {
        Faults.FailNextCommit();

        var response = await PostTurnAsync(Turn("conv_ambiguous"));

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
        Faults.FailInserts(_ => new TimeoutException("still down"));

        var response = await PostTurnAsync(Turn("conv_down"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(Faults.InsertAttempts, Is.EqualTo(3), "three attempts by default");
        Assert.That(await QueryAsync(db => db.CallTranscriptions.CountAsync()), Is.Zero);
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
    }

    private async Task AssertOneTurnStoredAsync()
    {
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.CallTranscriptions.Select(t => t.SequenceNumber).ToListAsync()), Is.EqualTo(new[] { 1 }));
    }
}
