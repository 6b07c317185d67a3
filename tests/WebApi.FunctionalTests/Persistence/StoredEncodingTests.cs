using System.Data.Common;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Persistence;

/// <summary>
/// On SQLite the service writes turns with prepared statements, not SaveChanges (ADR 0007). These hold it to EF Core's
/// encoding: the same values, stored by EF Core, must give the very same column values and storage types.
/// </summary>
public class StoredEncodingTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    private const string Columns = "speaker_type, message_text, timestamp, sequence_number, created_at";

    [Test]
    public async Task ShouldStoreATurnExactlyAsEfCoreWould()
    {
        await PostTurnAsync(Turn("conv_service", "user", "Yes — I'm at the depot ✓", "2026-11-20T09:15:30.1234567+02:00"));
        var stored = await QueryAsync(db => db.CallTranscriptions.AsNoTracking().SingleAsync());

        await QueryAsync(async db =>
        {
            db.Calls.Add(Call.StartedBy("conv_ef", null, stored.Timestamp, stored.CreatedAt));
            db.CallTranscriptions.Add(new Transcription
            {
                ConversationId = "conv_ef", SpeakerType = stored.SpeakerType, MessageText = stored.MessageText, Timestamp = stored.Timestamp,
                SequenceNumber = stored.SequenceNumber, ContentHash = new string('0', stored.ContentHash.Length), CreatedAt = stored.CreatedAt,
            });
            return await db.SaveChangesAsync();
        });

        var byService = await ReadColumnsAsync("conv_service");
        var byEfCore = await ReadColumnsAsync("conv_ef");
        Assert.That(byService, Is.EqualTo(byEfCore));
        Assert.That(byService, Has.Some.Contains("Yes — I'm at the depot ✓"));
    }

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

    private Task<List<string>> ReadColumnsAsync(string conversationId) => QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM call_transcriptions WHERE conversation_id = '{conversationId}'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, conversationId);
        return Enumerable.Range(0, reader.FieldCount)
            .Select(i => $"{reader.GetName(i)}: {reader.GetValue(i).GetType().Name} {Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
    });
}
