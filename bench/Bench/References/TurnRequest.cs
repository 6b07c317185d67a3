using System.Globalization;
using System.Text.Json.Serialization;

namespace CallTranscription.Bench.References;

/// <summary>The webhook's body, as ElevenLabs sends it.</summary>
internal sealed record TurnRequest(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("speaker")] string Speaker,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("timestamp")] string Timestamp);

/// <summary>A turn as the service stores it: "user" is the driver, the instant in UTC, the content hash computed.</summary>
internal sealed record Turn(string ConversationId, string Speaker, string Message, DateTimeOffset Timestamp, string ContentHash)
{
    public static Turn From(TurnRequest request)
    {
        var speaker = request.Speaker == "user" ? "driver" : "agent";
        var timestamp = DateTimeOffset.Parse(request.Timestamp, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new Turn(request.ConversationId, speaker, request.Message, timestamp,
            References.ContentHash.Of(request.ConversationId, speaker, timestamp, request.Message));
    }
}
