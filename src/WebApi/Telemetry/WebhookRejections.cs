using CallTranscription.Application.Common.Telemetry;
using static CallTranscription.Application.Common.Telemetry.TelemetryValues;

namespace CallTranscription.WebApi.Telemetry;

/// <summary>
/// Counts every refused webhook delivery by the status it was answered with, whichever part of the pipeline refused it
/// (reader, validator, signature check, rate limiter, the post-call webhook while its secret is not set), so no refusal
/// needs a counter of its own.
/// </summary>
internal sealed class WebhookRejections(RequestDelegate next, CallTranscriptionTelemetry telemetry)
{
    private const string TranscriptionPath = "/webhooks/elevenlabs/transcription";
    private const string PostCallPath = "/webhooks/elevenlabs/post-call";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var webhook = path.StartsWithSegments(TranscriptionPath) ? TranscriptionWebhook
            : path.StartsWithSegments(PostCallPath) ? PostCall
            : null;
        if (webhook is not null)
        {
            // Counted as the answer leaves, with its final status, before the sender can see it.
            context.Response.OnStarting(() =>
            {
                if (Reason(context.Response.StatusCode, webhook) is { } reason)
                {
                    telemetry.WebhookRejected(webhook, reason);
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    private static string? Reason(int statusCode, string webhook) => statusCode switch
    {
        StatusCodes.Status400BadRequest => Validation,
        StatusCodes.Status401Unauthorized => Signature,
        StatusCodes.Status409Conflict => CallEnded,
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimited,
        StatusCodes.Status503ServiceUnavailable when webhook == PostCall => NotConfigured,
        _ => null,
    };
}
