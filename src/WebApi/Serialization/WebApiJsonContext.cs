using System.Text.Json.Serialization;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Webhooks;
using CallTranscription.WebApi.Webhooks.PostCall;

namespace CallTranscription.WebApi.Serialization;

/// <summary>
/// The request and response bodies, read and written by source-generated code. Requests are read with these options
/// (JsonBody): a key given twice or nesting deeper than <see cref="JsonBody.MaxDepth"/> is refused, numbers are numbers.
/// </summary>
[JsonSourceGenerationOptions(AllowDuplicateProperties = false, MaxDepth = JsonBody.MaxDepth, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TranscriptionRequest))]
[JsonSerializable(typeof(PostCallEvent))]
[JsonSerializable(typeof(TranscriptionAccepted))]
[JsonSerializable(typeof(PostCallAccepted))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class WebApiJsonContext : JsonSerializerContext;
