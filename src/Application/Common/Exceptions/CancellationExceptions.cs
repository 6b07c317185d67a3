namespace CallTranscription.Application.Common.Exceptions;

public static class CancellationExceptions
{
    /// <summary>
    /// True when <paramref name="exception"/> is the caller's own cancellation. Only the token can say so: an
    /// HttpClient timeout throws TaskCanceledException too, although nobody cancelled anything.
    /// </summary>
    public static bool IsCancellationBy(this Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
}
