using CallTranscription.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>The end-of-test audit: what the database holds against what the service acknowledged.</summary>
public static class StoredTurnsAssertions
{
    /// <param name="acknowledged">transcription_id and sequence_number of every 201, by conversation and message.</param>
    public static async Task AssertExactlyOnceAndGaplessAsync(
        ApplicationDbContext context, IReadOnlyCollection<AcknowledgedTurn> acknowledged)
    {
        var rows = await context.CallTranscriptions.AsNoTracking()
            .Select(t => new { t.Id, t.ConversationId, t.MessageText, t.SequenceNumber })
            .ToListAsync();
        var calls = await context.Calls.AsNoTracking().Select(c => c.ConversationId).ToListAsync();

        Assert.Multiple(() =>
        {
            foreach (var turn in acknowledged)
            {
                var copies = rows.Where(r => r.ConversationId == turn.ConversationId && r.MessageText == turn.Message).ToList();
                Assert.That(copies, Has.Count.EqualTo(1), $"acknowledged turn '{turn.Message}' of {turn.ConversationId} must be stored exactly once");
                if (copies.Count == 1)
                {
                    Assert.That(copies[0].Id, Is.EqualTo(turn.TranscriptionId), $"id of '{turn.Message}'");
                    Assert.That(copies[0].SequenceNumber, Is.EqualTo(turn.SequenceNumber), $"sequence of '{turn.Message}'");
                }
            }

            foreach (var conversation in rows.GroupBy(r => r.ConversationId))
            {
                Assert.That(conversation.Select(r => r.SequenceNumber).Order(), Is.EqualTo(Enumerable.Range(1, conversation.Count())),
                    $"{conversation.Key} must be numbered 1..n without gaps or duplicates");
            }

            Assert.That(calls, Is.Unique, "one call per conversation");
            Assert.That(calls, Is.EquivalentTo(rows.Select(r => r.ConversationId).Distinct()), "every stored turn has its call");
        });
    }
}

public sealed record AcknowledgedTurn(string ConversationId, string Message, int TranscriptionId, int SequenceNumber);
