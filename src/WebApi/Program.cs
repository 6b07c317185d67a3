using CallTranscription.Application;
using CallTranscription.Infrastructure;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi;
using CallTranscription.WebApi.Startup;
using CallTranscription.WebApi.Telemetry;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(ConfigurationReload.OffUnlessAsked(args))
    .ListenOnLoopbackByDefault()
    .AddApplicationInsightsLogging()
    .AddServiceTelemetry();

if (StartupConfiguration.Problems(builder.Configuration, args) is { Count: > 0 } problems)
{
    StartupConfiguration.Report(problems);
    return ExitCodes.InvalidConfiguration;
}

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddWebApi(builder.Configuration);

var app = builder.Build().UseWebApi();

var migrateOnly = ServiceCommand.IsMigrate(args);
if (!migrateOnly && ListenCheck.Problem(app) is { } cannotListen)
{
    Console.Error.WriteLine(cannotListen);
    return ExitCodes.CannotListen;
}

var migrate = migrateOnly || app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ShouldMigrateOnStartup;
if (!await app.Services.PrepareDatabaseAsync(migrate))
{
    return ExitCodes.DatabaseUnavailable;
}

if (migrateOnly)
{
    return ExitCodes.Success;
}

await app.Services.WarmUpAsync();
return await app.ServeAsync();

public partial class Program;
