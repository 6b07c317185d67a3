using CallTranscription.Application;
using CallTranscription.Infrastructure;
using CallTranscription.WebApi;
using CallTranscription.WebApi.Reconciliation;
using CallTranscription.WebApi.Startup;
using CallTranscription.WebApi.Telemetry;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = ConfigurationReload.OffUnlessAsked(args),
    ContentRootPath = AppContext.BaseDirectory, // the app's own appsettings*.json, whatever directory it is started in
});
builder.ListenOnLoopbackByDefault().AddApplicationInsightsLogging().AddServiceTelemetry();

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddWebApi(builder.Configuration);

var app = builder.Build().UseWebApi();
return await app.RunServiceAsync(args);

public partial class Program;
