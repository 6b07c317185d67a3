using System.Text.Json.Serialization;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Webhooks;
using CallTranscription.WebApi.Webhooks.PostCall;

namespace CallTranscription.WebApi.Serialization;

/// <summary>
/// The response bodies, serialized by source-generated code: no reflection or runtime code generation per type, so
/// less to compile after a start and less work per response (docs/performance.md).
/// </summary>
[JsonSerializable(typeof(TranscriptionAccepted))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(PostCallAccepted))]
internal sealed partial class WebApiJsonContext : JsonSerializerContext;
