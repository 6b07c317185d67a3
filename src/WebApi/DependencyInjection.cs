using System.Text.Json.Serialization;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Health;
using CallTranscription.WebApi.Logging;
using CallTranscription.WebApi.RateLimiting;
using CallTranscription.WebApi.Reconciliation;
using CallTranscription.WebApi.Serialization;
using CallTranscription.WebApi.Startup;
using CallTranscription.WebApi.Telemetry;
using CallTranscription.WebApi.Webhooks;
using CallTranscription.WebApi.Webhooks.PostCall;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi;

public static class DependencyInjection
{
    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebApiJsonContext.Default);
            // Numbers are numbers, in the bodies and so in the OpenAPI schemas (the web default also takes strings).
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Before AddProblemDetails: the first writer that can write, writes.
        services.AddSingleton<IProblemDetailsWriter, ContractErrorWriter>();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddOptions<ElevenLabsOptions>().BindConfiguration(ElevenLabsOptions.SectionName)
            .Validate(options => options.SignatureTolerance > TimeSpan.Zero, "ElevenLabs:SignatureTolerance must be greater than 00:00:00.")
            .ValidateOnStart();
        services.AddOptions<ServerUrls>().Configure<IConfiguration>((urls, settings) => settings.Bind(urls)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerUrls>, ServerUrlsValidator>();
        // One line per request, written by HttpLogging when the response is complete, plus what RequestLogInterceptor adds.
        // No headers, query strings or bodies: they carry signatures, message text and phone numbers.
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        services.AddHttpLoggingInterceptor<RequestLogInterceptor>();
        // The simple formatter writes the timestamp straight before the level, so its configured format ends in a space;
        // the JSON formatter, which shares the formatter options, should not carry it into its values.
        services.PostConfigure<JsonConsoleFormatterOptions>(options => options.TimestampFormat = options.TimestampFormat?.TrimEnd());
        services.AddSingleton<WebhookSignatureVerifier>();
        services.AddClientRateLimiting();
        services.AddReconciliation();
        return services;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseMiddleware<WebhookRejections>();
        app.UseHttpLogging();
        // A 5xx keeps the framework's own error line with its exception; a 4xx is told by the request's line alone.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ContractErrorWriter.StatusCodeOf,
            SuppressDiagnosticsCallback = c => c.HttpContext.Response.StatusCode < StatusCodes.Status500InternalServerError || c.Exception is RequestRejectedException,
        });
        app.UseStatusCodePages();
        app.UseRateLimiter();

        app.MapTranscriptionWebhook();
        app.MapPostCallWebhook();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapServiceTelemetry();
        return app;
    }
}
