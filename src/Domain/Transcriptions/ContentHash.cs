using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CallTranscription.Domain.Transcriptions;

/// <summary>
/// The identity of a delivered turn: conversation, speaker, instant and message. ElevenLabs retries are
/// byte-identical, so a redelivery hashes the same and the database's unique key stops a second copy.
/// </summary>
public static class ContentHash
{
    public const int Length = 64;

    public static string Of(string conversationId, Turn turn)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendField(hash, conversationId);
        return HashTurn(hash, turn);
    }

    /// <summary>
    /// The identity of a turn taken from a post-call transcript: its entry's place in the transcript, so that two
    /// identical entries never collide; tagged, so that it never equals the hash of a delivered turn. Nothing looks a
    /// transcript turn up by it (a redelivered transcript is matched by its words,
    /// docs/decisions/0016-post-call-transcript-placement.md): it is the unique key's value.
    /// </summary>
    public static string OfTranscriptEntry(string conversationId, TranscriptTurn entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendField(hash, "post_call_transcription");
        AppendField(hash, conversationId);
        AppendField(hash, entry.EntryIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return HashTurn(hash, entry.Turn);
    }

    // What every turn's hash ends with, after what identifies where the turn came from.
    private static string HashTurn(IncrementalHash hash, Turn turn)
    {
        AppendField(hash, HashedSpelling(turn.Speaker));
        AppendField(hash, turn.Timestamp.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppendField(hash, turn.Message);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The speaker as hashed. Every stored content_hash holds these bytes, so they never change: they are what the
    /// first turns were hashed with, written out here instead of taken from the enum's C# names, which a rename would
    /// change — and a redelivery across that deploy would hash differently and be stored a second time.
    /// </summary>
    private static string HashedSpelling(SpeakerType speaker) => speaker switch
    {
        SpeakerType.Agent => "Agent",
        SpeakerType.Driver => "Driver",
        _ => throw new ArgumentOutOfRangeException(nameof(speaker), speaker, "This speaker has no spelling in the content hash."),
    };

    // Length-prefixed so that ("ab", "c") and ("a", "bc") never collide.
    private static void AppendField(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
