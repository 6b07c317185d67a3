using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>
/// The post-call webhook is served only with <c>ElevenLabs:PostCallWebhookSecret</c>: unsigned, anyone could end
/// calls and write transcripts. Without it the route does not exist (404), and start-up says so.
/// </summary>
internal static partial class PostCallWebhook
{
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[$"{ElevenLabsOptions.SectionName}:{nameof(ElevenLabsOptions.PostCallWebhookSecret)}"]);

    public static void ServeOnlyWhenEnabled(this MvcOptions mvc, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            mvc.Conventions.Add(new Unserved());
        }
    }

    /// <summary>Once the service serves (not on `migrate`, nor when it cannot start), says when the webhook is off.</summary>
    public static void LogWhenOff(WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PostCallWebhookController).FullName!);
            app.Lifetime.ApplicationStarted.Register(() => LogOff(logger, "/" + PostCallWebhookController.Path));
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "ElevenLabs post-call webhook is off: POST {Path} answers 404 until ElevenLabs:PostCallWebhookSecret is set")]
    private static partial void LogOff(ILogger logger, string path);

    private sealed class Unserved : IApplicationModelConvention
    {
        public void Apply(ApplicationModel application) =>
            application.Controllers.Remove(application.Controllers.Single(c => c.ControllerType == typeof(PostCallWebhookController)));
    }
}
