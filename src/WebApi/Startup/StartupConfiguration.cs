using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi.RateLimiting;
using CallTranscription.WebApi.Webhooks;

namespace CallTranscription.WebApi.Startup;

/// <summary>Refuses to start on invalid settings, with one line per problem that names the key.</summary>
internal static class StartupConfiguration
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration, string[] args)
    {
        if (ServiceCommand.Problem(args) is { } command)
        {
            return [command];
        }

        try
        {
            return [.. DatabaseConfiguration.Problems(configuration), .. ListenAddresses.Problems(configuration), .. WebApiProblems(configuration)];
        }
        catch (InvalidOperationException exception)
        {
            return [exception.Message]; // the binder names the key it could not convert
        }
    }

    public static void Report(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"Invalid configuration: {problem}");
        }
    }

    private static IEnumerable<string> WebApiProblems(IConfiguration configuration)
    {
        var rateLimiting = configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new();
        if (rateLimiting.PermitLimit < 0)
        {
            yield return "RateLimiting:PermitLimit must be 0 (off) or more.";
        }

        if (rateLimiting.Window <= TimeSpan.Zero)
        {
            yield return "RateLimiting:Window must be greater than 00:00:00.";
        }

        var elevenLabs = configuration.GetSection(ElevenLabsOptions.SectionName).Get<ElevenLabsOptions>() ?? new();
        if (elevenLabs.SignatureTolerance <= TimeSpan.Zero)
        {
            yield return "ElevenLabs:SignatureTolerance must be greater than 00:00:00.";
        }
    }
}
