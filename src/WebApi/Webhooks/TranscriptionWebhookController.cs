using CallTranscription.WebApi.ErrorHandling;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CallTranscription.WebApi.Webhooks;

[ApiController]
[Route("webhooks/elevenlabs/transcription")]
public sealed class TranscriptionWebhookController(IMediator mediator) : ControllerBase
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    [HttpPost]
    [RequestSizeLimit(TranscriptionRequestReader.MaxBodyBytes)]
    [ProducesResponseType<TranscriptionAccepted>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status500InternalServerError)]
    public async Task<IActionResult> Receive(CancellationToken cancellationToken)
    {
        var command = await TranscriptionRequestReader.ReadAsync(Request, cancellationToken);
        HttpContext.SetConversationId(command.ConversationId);

        var result = await mediator.Send(command, cancellationToken);
        if (result.Replayed)
        {
            Response.Headers[ReplayedHeader] = "true";
        }

        return StatusCode(StatusCodes.Status201Created, TranscriptionAccepted.From(result));
    }
}
