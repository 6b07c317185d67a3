using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// The last sequence number, however a provider reads it: PostgreSQL reads it beside the redelivery lookup and answers
/// the next question from that read (ADR 0014), so these hold every provider to the database's own answer.
/// </summary>
public class TranscriptionRepositoryTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldReadTheLastSequenceNumberWithoutALookupFirst()
    {
        await PostTurnsAsync("conv_a", 3);

        var last = await InUnitOfWorkAsync<ITranscriptionRepository, int>((transcriptions, _, ct) => transcriptions.GetLastSequenceNumberAsync("conv_a", ct));

        Assert.That(last, Is.EqualTo(3));
    }

    [Test]
    public async Task ShouldAnswerEachConversationWithItsOwnLastSequenceNumber()
    {
        await PostTurnsAsync("conv_a", 2);
        await PostTurnsAsync("conv_b", 1);

        var (b, a) = await InUnitOfWorkAsync<ITranscriptionRepository, (int, int)>(async (transcriptions, _, ct) =>
        {
            await transcriptions.FindByContentHashAsync("conv_a", new string('0', 64), ct);
            return (await transcriptions.GetLastSequenceNumberAsync("conv_b", ct), await transcriptions.GetLastSequenceNumberAsync("conv_a", ct));
        });

        Assert.That((b, a), Is.EqualTo((1, 2)));
    }

    [Test]
    public async Task ShouldCountATurnWrittenSinceTheLookup()
    {
        await PostTurnsAsync("conv_a", 2);

        var last = await InUnitOfWorkAsync<ITranscriptionRepository, int>(async (transcriptions, unitOfWork, ct) =>
        {
            await transcriptions.FindByContentHashAsync("conv_a", new string('0', 64), ct);
            transcriptions.Add(new Transcription
            {
                ConversationId = "conv_a", SpeakerType = SpeakerType.Agent, MessageText = "Written in this unit of work",
                Timestamp = DateTimeOffset.UtcNow, SequenceNumber = 3, ContentHash = new string('3', 64), CreatedAt = DateTimeOffset.UtcNow,
            });
            await unitOfWork.SaveChangesAsync(ct);
            return await transcriptions.GetLastSequenceNumberAsync("conv_a", ct);
        });

        Assert.That(last, Is.EqualTo(3));
    }

    private async Task PostTurnsAsync(string conversationId, int count)
    {
        for (var turn = 1; turn <= count; turn++)
        {
            var response = await PostTurnAsync(Turn(conversationId, message: $"Turn {turn}"));
            Assert.That((int)response.StatusCode, Is.EqualTo(201));
        }
    }
}
