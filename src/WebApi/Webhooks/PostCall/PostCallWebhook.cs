using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Logging;
using CallTranscription.WebApi.RateLimiting;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>
/// <c>POST /webhooks/elevenlabs/post-call</c>, ElevenLabs' own signed webhook (docs/api.md). Without
/// <c>ElevenLabs:PostCallWebhookSecret</c> it is off: unsigned, anyone could end calls and write transcripts. It then
/// answers 503 saying so, which ElevenLabs retries, so that no event is lost while the secret is being set.
/// </summary>
public static partial class PostCallWebhook
{
    public const string Path = "/webhooks/elevenlabs/post-call";

    public static void MapPostCallWebhook(this WebApplication app)
    {
        app.MapPost(Path, ReceiveAsync)
            .Accepts<PostCallEvent>("application/json")
            .ProducesErrors(400, 401, 413, 415, 429, 500, 503)
            .WithMetadata(new RequestSizeLimitAttribute(PostCallBody.MaxBodyBytes))
            .RequireRateLimiting(ClientRateLimiting.PostCallPolicy)
            .WithName("ReceivePostCallEvent")
            .WithSummary("Finish a call from ElevenLabs' signed post-call webhook")
            .WithDescription("post_call_transcription completes (or fails) the call and appends the turns it lacks; "
                + "call_initiation_failure fails it; post_call_audio and unknown types are answered 200 and nothing is stored. "
                + "4xx is final; 5xx means retry.");

        // Read once the service serves (not on `migrate`, nor when it cannot start): the settings are validated by then.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<ElevenLabsOptions>>().Value.PostCallWebhookSecret))
            {
                LogOff(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PostCallWebhook)), Path);
            }
        });
    }

    private static async Task<PostCallAccepted> ReceiveAsync(
        HttpContext http,
        [FromHeader(Name = WebhookSignatureVerifier.HeaderName), Required]
        [Description("t=<unix seconds>,v0=<hex HMAC-SHA256(secret, \"{t}.{raw body}\")>, made with ElevenLabs:PostCallWebhookSecret.")]
        string? signature,
        IMediator mediator,
        WebhookSignatureVerifier signatureVerifier,
        IOptions<ElevenLabsOptions> options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var secret = options.Value.PostCallWebhookSecret;
        if (string.IsNullOrEmpty(secret))
        {
            throw new RequestRejectedException(StatusCodes.Status503ServiceUnavailable, "Post-call webhook not configured",
                "ElevenLabs:PostCallWebhookSecret is not set, so post-call events are not taken; set it to the webhook's signing secret.");
        }

        using var signed = signatureVerifier.Start(secret, signature);
        var postCall = await PostCallBody.ReadAsync(http.Request, signed, cancellationToken);
        var log = http.WebhookLog();
        log.EventType = postCall.Type;
        var logger = loggerFactory.CreateLogger(typeof(PostCallWebhook));
        if (!PostCallEventTypes.IsRead(postCall.Type))
        {
            log.Discarded = true;
            if (postCall.Type != PostCallEventTypes.Audio)
            {
                LogUnknownType(logger, log.EventType ?? WebhookRequestLog.Unreadable);
            }

            return PostCallAccepted.Discarded(postCall.Type);
        }

        using var scope = log.BeginConversation(logger, postCall.Data?.ConversationId);
        if (postCall.Type == PostCallEventTypes.Transcription)
        {
            var completed = await mediator.Send(postCall.ToCompleteCall(), cancellationToken);
            log.Replayed = completed.ChangedNothing;
            return PostCallAccepted.From(completed);
        }

        var failed = await mediator.Send(postCall.ToFailCall(), cancellationToken);
        log.Replayed = !failed.CallEnded;
        return PostCallAccepted.From(failed);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "ElevenLabs post-call webhook is off: POST {Path} answers 503 until ElevenLabs:PostCallWebhookSecret is set")]
    private static partial void LogOff(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "ElevenLabs post-call event of type {EventType} is not handled; answered 200, nothing stored")]
    private static partial void LogUnknownType(ILogger logger, string eventType);
}
