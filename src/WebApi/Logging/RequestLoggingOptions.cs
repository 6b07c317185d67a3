namespace CallTranscription.WebApi.Logging;

public sealed class RequestLoggingOptions
{
    public const string SectionName = "RequestLogging";

    /// <summary>A request slower than this is logged at Warning.</summary>
    public TimeSpan SlowRequestThreshold { get; set; } = TimeSpan.FromMilliseconds(500);
}
