using System.Text.Json.Nodes;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Webhooks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CallTranscription.WebApi.OpenApi;

/// <summary>Adds the request body and the examples of docs/api.md to the webhook's OpenAPI operation.</summary>
internal sealed class WebhookOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.RouteValues["controller"] != "TranscriptionWebhook")
        {
            return;
        }

        operation.Summary = "Store one dialogue turn of an ElevenLabs call";
        operation.Description = "Public unless ElevenLabs:WebhookSecret is set. 201 only once the turn is durably stored; "
            + "a redelivery answers 201 with the original ids and Idempotent-Replayed: true. 4xx is final; 5xx means retry.";
        var schema = await context.GetOrCreateSchemaAsync(typeof(TranscriptionRequestDocument), cancellationToken: cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = schema, Example = Examples.Request },
            },
        };

        SetExample(operation, "201", Examples.Created);
        SetExample(operation, "400", Examples.BadRequest);
        SetExample(operation, "500", Examples.ServerError);
    }

    private static void SetExample(OpenApiOperation operation, string status, JsonNode example)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content is { } content)
        {
            foreach (var mediaType in content.Values)
            {
                mediaType.Example = example;
            }
        }
    }

    private static class Examples
    {
        public static JsonNode Request => new JsonObject
        {
            ["conversation_id"] = "conv_01jx9k2m7f8e",
            ["speaker"] = "user",
            ["message"] = "Yes, this is Sam. What is this about?",
            ["timestamp"] = "2026-11-21T14:03:07.250Z",
        };

        public static JsonNode Created => Serialize(TranscriptionAccepted.From(new(412, 7, Replayed: false)));

        public static JsonNode BadRequest => Serialize(ErrorResponse.Of(
            "Invalid transcription payload", "speaker must be 'agent' or 'user'. timestamp is required."));

        public static JsonNode ServerError => Serialize(ErrorResponse.Of(
            "Internal server error", "The transcription was not stored. Retry the delivery."));

        private static JsonNode Serialize<T>(T value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!;
    }
}
