using System.Globalization;
using System.Text;

namespace CallTranscription.Bench.Loads;

internal static class TurnBodies
{
    public static byte[] For(string conversationId, int turn) => Encoding.UTF8.GetBytes(
        $$"""{"conversation_id":"{{conversationId}}","speaker":"{{(turn % 2 == 1 ? "agent" : "user")}}","message":"Turn {{turn}}: can you confirm the inspection date for the trailer on this violation?","timestamp":"{{DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)}}"}""");
}
