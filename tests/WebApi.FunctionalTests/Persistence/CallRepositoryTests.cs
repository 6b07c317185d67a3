using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Application.Common.Models;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// Each provider reads the call its own way (a row lock on server databases, a plain read behind SQLite's write gate);
/// on every one the call found for update comes back tracked, so a change made in the unit of work is saved with it, and
/// the per-turn path reads the call's state as stored.
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
    public async Task ShouldFindTheStateOfTheCallAsStored()
    {
        var driverId = await SeedDriverForConversationAsync("conv_state");
        await PostTurnAsync(Turn("conv_state"));
        var endedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());

        var inProgress = await InUnitOfWorkAsync<ICallRepository, CallState?>((calls, _, cancellationToken) =>
            calls.FindStateForUpdateAsync("conv_state", cancellationToken));
        await InUnitOfWorkAsync<ICallRepository, bool>(async (calls, _, cancellationToken) =>
            (await calls.FindForUpdateAsync("conv_state", cancellationToken))!.Complete(endedAt, endedAt));
        var ended = await InUnitOfWorkAsync<ICallRepository, CallState?>((calls, _, cancellationToken) =>
            calls.FindStateForUpdateAsync("conv_state", cancellationToken));

        Assert.Multiple(() =>
        {
            Assert.That(inProgress, Is.EqualTo(new CallState(CallStatus.InProgress, driverId)));
            Assert.That(ended, Is.EqualTo(new CallState(CallStatus.Completed, driverId)));
        });
    }

    [Test]
    public async Task ShouldFindNoCallForAConversationWithoutTurns()
    {
        await PostTurnAsync(Turn("conv_other"));

        var (call, state) = await InUnitOfWorkAsync<ICallRepository, (Call?, CallState?)>(async (calls, _, cancellationToken) =>
            (await calls.FindForUpdateAsync("conv_none", cancellationToken), await calls.FindStateForUpdateAsync("conv_none", cancellationToken)));

        Assert.Multiple(() =>
        {
            Assert.That(call, Is.Null);
            Assert.That(state, Is.Null);
        });
    }
}
