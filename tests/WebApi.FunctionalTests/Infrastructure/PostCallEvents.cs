using CallTranscription.Testing;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>One entry of a transcript: <c>message</c> null is a tool call.</summary>
public sealed record Said(string Role, string? Message, int TimeInCallSecs);

/// <summary>ElevenLabs' post-call events as it sends them, with the fields the service ignores, and their signatures.</summary>
public static class PostCallEvents
{
    public static byte[] Transcription(string conversationId, DateTimeOffset startedAt, int durationSecs, IEnumerable<Said> transcript, string status = "done") =>
        Envelope("post_call_transcription", startedAt.AddSeconds(durationSecs + 5), new JsonObject
        {
            ["agent_id"] = "agent_01jx3k9q7a2b3c4d5e6f7g8h9",
            ["conversation_id"] = conversationId,
            ["status"] = status,
            ["user_id"] = "driver-4711",
            ["transcript"] = new JsonArray(transcript.Select(Entry).ToArray<JsonNode?>()),
            ["metadata"] = new JsonObject
            {
                ["start_time_unix_secs"] = startedAt.ToUnixTimeSeconds(),
                ["call_duration_secs"] = durationSecs,
                ["cost"] = 312,
                ["termination_reason"] = "Call ended by remote party",
                ["phone_call"] = new JsonObject { ["type"] = "twilio", ["direction"] = "outbound", ["call_sid"] = "CA0123" },
                ["batch_call"] = null,
            },
            ["analysis"] = new JsonObject { ["call_successful"] = "success", ["transcript_summary"] = "Brake light fixed." },
            ["conversation_initiation_client_data"] = new JsonObject { ["dynamic_variables"] = new JsonObject { ["driver_id"] = "4711" } },
            ["has_audio"] = true,
        });

    public static byte[] InitiationFailure(string conversationId, DateTimeOffset at, string reason = "busy") =>
        Envelope("call_initiation_failure", at, new JsonObject
        {
            ["agent_id"] = "agent_01jx3k9q7a2b3c4d5e6f7g8h9",
            ["conversation_id"] = conversationId,
            ["failure_reason"] = reason,
            ["metadata"] = new JsonObject { ["type"] = "twilio", ["body"] = new JsonObject { ["CallSid"] = "CA0456", ["CallStatus"] = reason } },
        });

    public static byte[] Audio(string conversationId, DateTimeOffset at, string base64Audio = "SUQzBAAAAAAAI1RTU0UAAAAPAAADTGF2ZjU4Ljc2LjEwMAAAAAAAAAAAAAAA") =>
        Envelope("post_call_audio", at, new JsonObject
        {
            ["agent_id"] = "agent_01jx3k9q7a2b3c4d5e6f7g8h9",
            ["conversation_id"] = conversationId,
            ["full_audio"] = base64Audio,
        });

    public static byte[] Envelope(string type, DateTimeOffset at, JsonObject data) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["type"] = type,
        ["event_timestamp"] = at.ToUnixTimeSeconds(),
        ["data"] = data,
    }.ToJsonString());

    public static string Signature(string secret, DateTimeOffset at, byte[] body)
    {
        var t = at.ToUnixTimeSeconds();
        return $"t={t.ToString(CultureInfo.InvariantCulture)},v0={Convert.ToHexStringLower(ElevenLabsSignature.Sign(secret, t, body))}";
    }

    /// <summary>The transcript entry as a per-turn relay would have delivered it in real time: its own clock, a little later.</summary>
    public static Dictionary<string, object?> RelayedTurn(string conversationId, DateTimeOffset startedAt, Said said) => new()
    {
        ["conversation_id"] = conversationId,
        ["speaker"] = said.Role,
        ["message"] = said.Message,
        ["timestamp"] = startedAt.AddSeconds(said.TimeInCallSecs + 0.7).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
    };

    private static JsonObject Entry(Said said) => new()
    {
        ["role"] = said.Role,
        ["message"] = said.Message,
        ["time_in_call_secs"] = said.TimeInCallSecs,
        ["tool_calls"] = said.Message is null
            ? new JsonArray(new JsonObject { ["request_id"] = "r1", ["tool_name"] = "lookup_violation", ["params_as_json"] = "{}" })
            : null,
        ["tool_results"] = null,
        ["feedback"] = null,
        ["conversation_turn_metrics"] = JsonSerializer.SerializeToNode(new { convai_llm_service_ttfb = new { elapsed_time = 0.37 } }),
    };
}
