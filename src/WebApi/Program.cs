using CallTranscription.Application;
using CallTranscription.Infrastructure;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args).ListenOnLoopbackByDefault();

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddWebApi(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseRateLimiter();
app.MapControllers();

if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ShouldMigrateOnStartup)
{
    await app.Services.MigrateDatabaseAsync();
}

await app.RunAsync();

public partial class Program;
