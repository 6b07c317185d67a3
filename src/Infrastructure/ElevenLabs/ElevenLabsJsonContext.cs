using System.Text.Json.Serialization;

namespace CallTranscription.Infrastructure.ElevenLabs;

[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(ConversationPage))]
[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
internal sealed partial class ElevenLabsJsonContext : JsonSerializerContext;
