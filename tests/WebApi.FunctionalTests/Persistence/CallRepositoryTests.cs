using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// Each provider reads the call its own way (a row lock on server databases, a plain read behind SQLite's write gate);
/// on every one the call found for update comes back tracked, so a change made in the unit of work is saved with it.
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
    public async Task ShouldFindTheCallAsStored()
    {
        var driverId = await SeedDriverForConversationAsync("conv_state");
        await PostTurnAsync(Turn("conv_state"));

        var call = await InUnitOfWorkAsync<ICallRepository, Call?>((calls, _, cancellationToken) =>
            calls.FindForUpdateAsync("conv_state", cancellationToken));

        Assert.That((call!.Status, call.DriverId), Is.EqualTo((CallStatus.InProgress, (int?)driverId)));
    }

    [Test]
    public async Task ShouldFindNoCallForAConversationWithoutTurns()
    {
        await PostTurnAsync(Turn("conv_other"));

        var call = await InUnitOfWorkAsync<ICallRepository, Call?>((calls, _, cancellationToken) =>
            calls.FindForUpdateAsync("conv_none", cancellationToken));

        Assert.That(call, Is.Null);
    }
}
