using CallTranscription.Domain.Transcriptions;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>What each database gives back of a stored turn: its text, speaker and instant, and the ids a replay answers with.</summary>
public class StoredTurnTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public async Task ShouldReadBackTheTurnAsPosted()
    {
        var timestamp = DateTimeOffset.Parse("2026-11-20T09:15:30.123456+02:00", System.Globalization.CultureInfo.InvariantCulture);

        await PostTurnAsync(Turn("conv_roundtrip", "agent", "Line one\nline two", timestamp.ToString("O")));
        var replay = await PostTurnAsync(Turn("conv_roundtrip", "agent", "Line one\nline two", timestamp.ToString("O")));

        var stored = await QueryAsync(db => db.CallTranscriptions.AsNoTracking().SingleAsync());
        var body = await ReadJsonAsync(replay);
        Assert.Multiple(() =>
        {
            Assert.That(stored.SpeakerType, Is.EqualTo(SpeakerType.Agent));
            Assert.That(stored.MessageText, Is.EqualTo("Line one\nline two"));
            Assert.That(stored.Timestamp, Is.EqualTo(timestamp), "the same instant (PostgreSQL keeps microseconds, in UTC)");
            Assert.That(body.GetProperty("transcription_id").GetInt32(), Is.EqualTo(stored.Id), "the replay reads the stored row back");
            Assert.That(body.GetProperty("sequence_number").GetInt32(), Is.EqualTo(1));
        });
    }
}
