using System.ComponentModel;
using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Logging;
using CallTranscription.WebApi.RateLimiting;
using CallTranscription.WebApi.Serialization;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CallTranscription.WebApi.Webhooks;

/// <summary><c>POST /webhooks/elevenlabs/transcription</c>: one dialogue turn (docs/api.md).</summary>
public static class TranscriptionWebhook
{
    public const string Path = "/webhooks/elevenlabs/transcription";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxBodyBytes = 64 * 1024;

    public static void MapTranscriptionWebhook(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, ReceiveAsync)
            .Accepts<TranscriptionRequest>("application/json")
            .ProducesErrors(400, 401, 409, 413, 415, 429, 500)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(ClientRateLimiting.WebhookPolicy)
            .WithName("StoreTranscription")
            .WithSummary("Store one dialogue turn of an ElevenLabs call")
            .WithDescription("201 only once the turn is durably stored; a redelivery answers 201 with the original ids and the "
                + $"header {ReplayedHeader}: true. 4xx is final; 5xx means retry.");

    private static async Task<Created<TranscriptionAccepted>> ReceiveAsync(
        HttpContext http,
        [FromHeader(Name = WebhookSignatureVerifier.HeaderName)]
        [Description("t=<unix seconds>,v0=<hex HMAC-SHA256(secret, \"{t}.{raw body}\")>; checked only when ElevenLabs:WebhookSecret is set.")]
        string? signature,
        IMediator mediator,
        WebhookSignatureVerifier signatureVerifier,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var body = await WebhookBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        signatureVerifier.Verify(signature, body);
        var log = http.WebhookLog();
        // Named from the bytes, so that a body refused for one field still names its conversation in the request's line.
        using var scope = log.BeginConversation(loggerFactory.CreateLogger(typeof(TranscriptionWebhook)), JsonBody.TopLevelString(body, "conversation_id"u8));
        var request = JsonBody.Read(body, WebApiJsonContext.Default.TranscriptionRequest);
        (log.Speaker, log.MessageLength) = (request.Speaker, request.Message is { } message ? TextRules.CodePointCount(message) : null);
        var result = await mediator.Send(request.ToCommand(), cancellationToken);
        (log.SequenceNumber, log.Replayed) = (result.SequenceNumber, result.Replayed);
        if (result.Replayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }

        return TypedResults.Created((string?)null, TranscriptionAccepted.From(result));
    }
}
