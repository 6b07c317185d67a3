using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// The call a turn reads comes back as stored on every provider (SQLite and PostgreSQL read it by hand, SQL Server
/// through EF Core): changing it in a unit of work changes nothing, so no provider saves what another would drop.
/// </summary>
public class CallRepositoryTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldReturnTheCallAsStoredWithoutSavingChangesToIt()
    {
        await PostTurnAsync(Turn("conv_as_stored"));

        var found = await InUnitOfWorkAsync<ICallRepository, Call>(async (calls, unitOfWork, cancellationToken) =>
        {
            var call = await calls.FindForUpdateAsync("conv_as_stored", cancellationToken);
            call!.Status = CallStatus.Completed;
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return call;
        });
        Assert.That(found.ConversationId, Is.EqualTo("conv_as_stored"));

        var stored = await QueryAsync(db => db.Calls.AsNoTracking().SingleAsync());
        Assert.That(stored.Status, Is.EqualTo(CallStatus.InProgress));
    }
}
