using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Logging;
using CallTranscription.WebApi.RateLimiting;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>ElevenLabs' own post-call webhook; served only when its secret is configured (<see cref="PostCallWebhook"/>).</summary>
[ApiController]
[Route(Path)]
[EnableRateLimiting(ClientRateLimiting.PostCallPolicy)]
public sealed partial class PostCallWebhookController(
    IMediator mediator,
    WebhookSignatureVerifier signatureVerifier,
    IOptions<ElevenLabsOptions> options,
    ILogger<PostCallWebhookController> logger) : ControllerBase
{
    public const string Path = "webhooks/elevenlabs/post-call";

    [HttpPost]
    [RequestSizeLimit(PostCallRequestReader.MaxBodyBytes)]
    [EndpointSummary("Finish a call from ElevenLabs' signed post-call webhook")]
    [EndpointDescription("Takes ElevenLabs' envelope {type, event_timestamp, data}, signed with ElevenLabs-Signature. "
        + "post_call_transcription completes (or fails) the call and appends the turns it lacks; call_initiation_failure fails it; "
        + "post_call_audio and unknown types are answered 200 and nothing is stored. 4xx is final; 5xx means retry.")]
    [ProducesResponseType<PostCallAccepted>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status500InternalServerError)]
    public async Task<IActionResult> Receive()
    {
        // No parameters at all: with one, MVC would read a form body (any Content-Type is accepted here) before the
        // signature check could see its bytes.
        var cancellationToken = HttpContext.RequestAborted;
        using var signature = signatureVerifier.Start(options.Value.PostCallWebhookSecret!, Request.Headers[WebhookSignatureVerifier.HeaderName]);
        using var postCall = await PostCallRequestReader.ReadAsync(Request, signature, cancellationToken);
        var log = HttpContext.WebhookLog();
        log.EventType = postCall.Type;
        switch (postCall.Type)
        {
            case PostCallEventTypes.Transcription:
            {
                var command = PostCallCommands.CompleteCall(postCall);
                using var scope = log.BeginConversation(logger, command.ConversationId);
                var result = await mediator.Send(command, cancellationToken);
                log.Replayed = result.ChangedNothing;
                return Ok(PostCallAccepted.From(result));
            }

            case PostCallEventTypes.InitiationFailure:
            {
                var command = PostCallCommands.FailCall(postCall);
                using var scope = log.BeginConversation(logger, command.ConversationId);
                var result = await mediator.Send(command, cancellationToken);
                log.Replayed = !result.CallEnded;
                return Ok(PostCallAccepted.From(result));
            }

            case PostCallEventTypes.Audio:
                log.Discarded = true;
                return Ok(PostCallAccepted.Discarded(postCall.Type));

            default:
                log.Discarded = true;
                LogUnknownType(postCall.Type);
                return Ok(PostCallAccepted.Discarded(postCall.Type));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ElevenLabs post-call event of type {EventType} is not handled; answered 200, nothing stored")]
    private partial void LogUnknownType(string eventType);
}
