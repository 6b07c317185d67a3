using CallTranscription.Application.Calls.Reconcile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.ElevenLabs;

public static class ElevenLabsApi
{
    /// <summary>
    /// The Conversations API client: a typed HttpClient with the standard resilience handler (retries 429 honouring
    /// Retry-After, 5xx and timeouts; a circuit breaker). The key goes in a header whose value is never logged.
    /// </summary>
    public static IServiceCollection AddElevenLabsApi(this IServiceCollection services)
    {
        // A key mounted from a secret file often ends in a newline, which no header may carry.
        services.AddOptions<ElevenLabsApiOptions>().BindConfiguration(ElevenLabsApiOptions.SectionName)
            .PostConfigure(options => options.ApiKey = options.ApiKey?.Trim())
            .Validate(options => options.ApiBaseUrl is { IsAbsoluteUri: true, Scheme: "http" or "https" },
                "ElevenLabs:ApiBaseUrl must be an absolute http:// or https:// URL, e.g. https://api.elevenlabs.io.")
            .ValidateOnStart();
        services.AddHttpClient<IConversationsApi, ElevenLabsConversationsClient>((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<ElevenLabsApiOptions>>().Value;
                client.BaseAddress = new Uri(options.ApiBaseUrl.ToString().TrimEnd('/') + "/");
                if (options.HasApiKey)
                {
                    client.DefaultRequestHeaders.Add(ElevenLabsConversationsClient.KeyHeader, options.ApiKey);
                }
            })
            .RedactLoggedHeaders(_ => true)
            .AddStandardResilienceHandler();
        return services;
    }
}
