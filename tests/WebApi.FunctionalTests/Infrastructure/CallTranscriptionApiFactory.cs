using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.Debug;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>The real service, in-process, on a real database.</summary>
public sealed class CallTranscriptionApiFactory(
    TestDatabase database,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        // Quiet consoles, but keep every other provider the service adds (Application Insights among them).
        builder.ConfigureLogging(logging => logging
            .AddFilter<ConsoleLoggerProvider>(_ => false)
            .AddFilter<DebugLoggerProvider>(_ => false)
            .AddProvider(Logs));
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }
}
