using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Logging;
using CallTranscription.WebApi.RateLimiting;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CallTranscription.WebApi.Webhooks;

[ApiController]
[Route("webhooks/elevenlabs/transcription")]
[EnableRateLimiting(ClientRateLimiting.WebhookPolicy)]
[Produces("application/json")]
public sealed class TranscriptionWebhookController(
    IMediator mediator,
    WebhookSignatureVerifier signatureVerifier,
    ILogger<TranscriptionWebhookController> logger) : ControllerBase
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    [HttpPost]
    [RequestSizeLimit(TranscriptionRequestReader.MaxBodyBytes)]
    [ProducesResponseType<TranscriptionAccepted>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status500InternalServerError)]
    public async Task<IActionResult> Receive(CancellationToken cancellationToken)
    {
        var body = await TranscriptionRequestReader.ReadBodyAsync(Request, cancellationToken);
        signatureVerifier.Verify(Request.Headers[WebhookSignatureVerifier.HeaderName], body);
        var log = HttpContext.WebhookLog();
        var command = TranscriptionRequestReader.ToCommand(body, log);
        (log.Speaker, log.MessageLength) = (command.Speaker, command.Message is { } message ? TextRules.CodePointCount(message) : null);

        using var scope = log.BeginConversation(logger, command.ConversationId);
        var result = await mediator.Send(command, cancellationToken);
        (log.SequenceNumber, log.Replayed) = (result.SequenceNumber, result.Replayed);
        if (result.Replayed)
        {
            Response.Headers[ReplayedHeader] = "true";
        }

        return StatusCode(StatusCodes.Status201Created, TranscriptionAccepted.From(result));
    }
}
