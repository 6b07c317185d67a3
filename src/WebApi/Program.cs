using CallTranscription.Application;
using CallTranscription.Infrastructure;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi;
using CallTranscription.WebApi.Startup;
using CallTranscription.WebApi.Telemetry;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args)
    .ListenOnLoopbackByDefault()
    .AddApplicationInsightsLogging();

if (StartupConfiguration.Problems(builder.Configuration) is { Count: > 0 } problems)
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
var migrate = migrateOnly || app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ShouldMigrateOnStartup;
if (!await app.Services.PrepareDatabaseAsync(migrate))
{
    return ExitCodes.DatabaseUnavailable;
}

if (!migrateOnly)
{
    await app.RunAsync();
}

return ExitCodes.Success;

public partial class Program;
