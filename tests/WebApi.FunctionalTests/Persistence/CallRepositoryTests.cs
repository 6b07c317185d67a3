using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// Each provider reads the call its own way (a row lock on server databases, a plain read behind SQLite's write gate);
/// on every one the call found for update comes back tracked, so a change made in the unit of work is saved with it, and
/// the call read for update (the per-turn path, which only reads it) comes back untracked.
/// </summary>
public class CallRepositoryTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldSaveAChangeToTheCallWithTheUnitOfWork()
    {
        await PostTurnAsync(Turn("conv_tracked"));
        var endedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());

        await InUnitOfWorkAsync<ICallRepository, bool>(async (calls, _, cancellationToken) =>
        {
            var call = await calls.FindForUpdateAsync("conv_tracked", cancellationToken);
            return call!.Complete(endedAt, endedAt);
        });

        var stored = await QueryAsync(db => db.Calls.AsNoTracking().SingleAsync());
        Assert.That(stored.CallEndTime, Is.EqualTo(endedAt));
        Assert.That(stored.Status, Is.EqualTo(CallStatus.Completed));
    }

    [Test]
    public async Task ShouldNotSaveAChangeToACallOnlyReadForUpdate()
    {
        await PostTurnAsync(Turn("conv_read"));
        var endedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());

        var read = await InUnitOfWorkAsync<ICallRepository, Call?>(async (calls, _, cancellationToken) =>
        {
            var call = await calls.ReadForUpdateAsync("conv_read", cancellationToken);
            call!.Complete(endedAt, endedAt);
            return call;
        });

        var stored = await QueryAsync(db => db.Calls.AsNoTracking().SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(read!.ConversationId, Is.EqualTo("conv_read"));
            Assert.That(stored.Status, Is.EqualTo(CallStatus.InProgress));
            Assert.That(stored.CallEndTime, Is.Null);
        });
    }

    [Test]
    public async Task ShouldFindNoCallForAConversationWithoutTurns()
    {
        await PostTurnAsync(Turn("conv_other"));

        var found = await InUnitOfWorkAsync<ICallRepository, (Call?, Call?)>(async (calls, _, cancellationToken) =>
            (await calls.FindForUpdateAsync("conv_none", cancellationToken), await calls.ReadForUpdateAsync("conv_none", cancellationToken)));

        Assert.That(found, Is.EqualTo((default(Call), default(Call))));
    }
}
