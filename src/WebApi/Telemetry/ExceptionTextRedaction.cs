using System.Diagnostics;
using OpenTelemetry;

namespace CallTranscription.WebApi.Telemetry;

/// <summary>
/// Spans name a failure by its exception type, never by its text: a message can carry a phone number or a transcript's
/// words. Libraries that record exceptions (Npgsql adds an exception event, EF Core puts the message in the status)
/// get the type in place of the message and no stack trace; the status description becomes the error type.
/// </summary>
internal sealed class ExceptionTextRedaction : BaseProcessor<Activity>
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = _ => true,
        // Tags given here are kept as they are: Activity.AddException adds the message and stack trace only when absent.
        ExceptionRecorder = (Activity _, Exception exception, ref TagList tags) =>
        {
            AddIfAbsent(ref tags, "exception.message", exception.GetType().Name);
            AddIfAbsent(ref tags, "exception.stacktrace", string.Empty);
        },
    };

    public ExceptionTextRedaction() => ActivitySource.AddActivityListener(_listener);

    public override void OnEnd(Activity data)
    {
        if (data.Status == ActivityStatusCode.Error)
        {
            data.SetStatus(ActivityStatusCode.Error, data.GetTagItem("error.type") as string);
        }
    }

    // Another provider's redaction in the same process may have added them already.
    private static void AddIfAbsent(ref TagList tags, string key, string value)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return;
            }
        }

        tags.Add(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _listener.Dispose();
        }

        base.Dispose(disposing);
    }
}
