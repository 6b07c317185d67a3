using System.Diagnostics;
using Microsoft.AspNetCore.HttpLogging;

namespace CallTranscription.WebApi.Logging;

/// <summary>
/// Adds to HttpLogging's one line per request what the request did (<see cref="WebhookRequestLog"/>) and its trace id,
/// naming only what is known.
/// </summary>
internal sealed class RequestLogInterceptor : IHttpLoggingInterceptor
{
    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        if (logContext.IsAnyEnabled(HttpLoggingFields.All))
        {
            logContext.HttpContext.Features.Set(new WebhookRequestLog());
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
    {
        if (logContext.HttpContext.Features.Get<WebhookRequestLog>() is not { } log)
        {
            return ValueTask.CompletedTask;
        }

        // The service is never mounted under a base path: an empty one would be a blank field on every line.
        logContext.Parameters.Remove(new("PathBase", PathString.Empty));
        (string Name, object? Value)[] fields =
        [
            (nameof(log.EventType), log.EventType),
            (nameof(log.ConversationId), log.ConversationId),
            (nameof(log.SequenceNumber), log.SequenceNumber),
            (nameof(log.Speaker), log.Speaker),
            (nameof(log.MessageLength), log.MessageLength),
            (nameof(log.Replayed), log.Replayed ? true : null),
            (nameof(log.Discarded), log.Discarded ? true : null),
            (nameof(log.Error), log.Error),
            ("TraceId", Activity.Current?.TraceId.ToHexString()),
        ];
        foreach (var (name, value) in fields.Where(field => field.Value is not null))
        {
            logContext.AddParameter(name, value);
        }

        return ValueTask.CompletedTask;
    }
}
