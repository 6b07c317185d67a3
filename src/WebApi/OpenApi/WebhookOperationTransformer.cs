using System.Text.Json.Nodes;
using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Webhooks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CallTranscription.WebApi.OpenApi;

/// <summary>
/// Adds what the endpoint's signature cannot say to the webhook's OpenAPI operation: the request body with its rules,
/// the signature and replay headers (and a security scheme when a secret is set), and the examples of docs/api.md.
/// </summary>
internal sealed class WebhookOperationTransformer : IOpenApiOperationTransformer
{
    public const string SecuritySchemeName = "ElevenLabsSignature";

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
        DescribeRules(schema);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = schema, Example = Examples.Request },
            },
        };

        var signed = context.ApplicationServices.GetRequiredService<WebhookSignatureVerifier>().IsEnabled;
        DescribeSignature(operation, context.Document, signed);
        DescribeReplayHeader(operation);

        SetExample(operation, "201", Examples.Created);
        SetExample(operation, "400", Examples.BadRequest);
        SetExample(operation, "500", Examples.ServerError);
    }

    private static void DescribeRules(OpenApiSchema schema)
    {
        var properties = schema.Properties!;
        var conversationId = (OpenApiSchema)properties["conversation_id"];
        (conversationId.MinLength, conversationId.MaxLength) = (1, TranscriptionLimits.ConversationIdMaxLength);
        conversationId.Pattern = "^[\\x21-\\x7E]+$";
        ((OpenApiSchema)properties["speaker"]).Enum = [JsonValue.Create(SpeakerMapping.Agent), JsonValue.Create(SpeakerMapping.User)];
        var message = (OpenApiSchema)properties["message"];
        (message.MinLength, message.MaxLength) = (1, TranscriptionLimits.MessageMaxLength);
        message.Description = $"At most {TranscriptionLimits.MessageMaxLength} characters (Unicode code points).";
    }

    private static void DescribeSignature(OpenApiOperation operation, OpenApiDocument? document, bool signed)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = WebhookSignatureVerifier.HeaderName,
            In = ParameterLocation.Header,
            Required = signed,
            Description = "t=<unix seconds>,v0=<hex HMAC-SHA256(secret, \"{t}.{raw body}\")>; checked only when ElevenLabs:WebhookSecret is set.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        if (!signed || document is null)
        {
            return;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = WebhookSignatureVerifier.HeaderName,
            Description = "An HMAC-SHA256 of the raw body with the webhook's signing secret, as ElevenLabs signs its webhooks.",
        };
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] }];
    }

    private static void DescribeReplayHeader(OpenApiOperation operation)
    {
        if (operation.Responses?.TryGetValue("201", out var response) == true && response is OpenApiResponse created)
        {
            created.Headers ??= new Dictionary<string, IOpenApiHeader>();
            created.Headers[TranscriptionWebhookController.ReplayedHeader] = new OpenApiHeader
            {
                Description = "true when the turn had already been stored: this delivery stored nothing new. Absent otherwise.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("true")] },
            };
        }
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
