using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi.Reconciliation;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Startup;

internal static class ServiceHost
{
    /// <summary>
    /// Validates every setting, prepares the database, then serves until shutdown, or only migrates or back-fills. A start-up failure
    /// ends the process with its exit code (<see cref="ExitCodes.Of"/>) and the lines that name its cause, not a crash.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app, string[] args)
    {
        await using (app)
        {
            try
            {
                var command = ServiceCommand.Of(args);
                ValidateSettings(app.Services);
                var backfill = command == ServiceCommand.Backfill ? Backfill.RequestFrom(app.Services, args) : null;
                var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                await app.Services.PrepareDatabaseAsync(command == ServiceCommand.Migrate || database.ShouldMigrateOnStartup, app.Lifetime.ApplicationStopping);
                if (command == ServiceCommand.Migrate)
                {
                    return ExitCodes.Success;
                }

                if (backfill is not null)
                {
                    return await Backfill.RunUntilInterruptedAsync(app.Services, backfill, Console.Out);
                }

                await app.Services.WarmUpAsync(app.Lifetime.ApplicationStopping);
                await app.StartAsync();
            }
            catch (Exception exception) when (ExitCodes.Of(exception) is var (code, lines))
            {
                foreach (var line in lines)
                {
                    Console.Error.WriteLine(line);
                }

                return code;
            }

            await app.WaitForShutdownAsync();
            return ExitCodes.Success;
        }
    }

    // Every ValidateOnStart, before the database is touched (the host would run them only as it starts to serve).
    private static void ValidateSettings(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (InvalidOperationException exception) when (exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            throw new InvalidConfigurationException(exception.Message); // the binder's: "Failed to convert configuration value at 'Database:...'"
        }
    }
}
