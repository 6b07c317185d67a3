using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// Each provider reads the call its own way (a row lock on server databases, a plain read behind SQLite's write gate);
/// on every one the call comes back tracked, so a change made in the unit of work is saved with it.
/// </summary>
public class CallRepositoryTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldSaveAChangeToTheCallWithTheUnitOfWork()
    {
        await PostTurnAsync(Turn("conv_tracked"));
        var endedAt = DateTimeOffset.Parse("2026-11-20T09:20:00Z", System.Globalization.CultureInfo.InvariantCulture);

        await InUnitOfWorkAsync<ICallRepository, bool>(async (calls, _, cancellationToken) =>
        {
            var call = await calls.FindForUpdateAsync("conv_tracked", cancellationToken);
            call!.CallEndTime = endedAt;
            return true;
        });

        var stored = await QueryAsync(db => db.Calls.AsNoTracking().SingleAsync());
        Assert.That(stored.CallEndTime, Is.EqualTo(endedAt));
    }

    [Test]
    public async Task ShouldFindNoCallForAConversationWithoutTurns()
    {
        await PostTurnAsync(Turn("conv_other"));

        var found = await InUnitOfWorkAsync<ICallRepository, Call?>((calls, _, cancellationToken) =>
            calls.FindForUpdateAsync("conv_none", cancellationToken));

        Assert.That(found, Is.Null);
    }
}
