using System.Net;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.PostCall;

public class PostCallDatabaseFailureTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    [Test]
    public async Task ShouldAnswer500WhileTheDatabaseFailsAndStoreTheTranscriptOnRetry()
    {
        var failing = true;
        await RelayAsync("conv_db_fault", Turns[..2]);
        var transcript = TranscriptOf("conv_db_fault");
        Faults.FailInserts(_ => Volatile.Read(ref failing) ? new TimeoutException("database away") : null);

        var failed = await PostCallAsync(transcript);

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), "5xx: ElevenLabs retries");
        Assert.That(Faults.InsertAttempts, Is.EqualTo(3), "the service's own attempts first");
        Assert.That((await StoredCallAsync("conv_db_fault")).Status, Is.EqualTo(CallStatus.InProgress), "the call's end rolls back with the turns");
        Assert.That(await StoredTurnsAsync("conv_db_fault"), Has.Count.EqualTo(2));

        Volatile.Write(ref failing, false);
        var retried = await PostCallAsync(transcript);

        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await StoredCallAsync("conv_db_fault")).Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(await StoredConversationAsync("conv_db_fault"), Is.EqualTo(Numbered(Turns)));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.EqualTo(1));
    }
}
