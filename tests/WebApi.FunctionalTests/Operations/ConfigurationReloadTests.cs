using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>The configuration files of the running service: read once at start unless the operator asks for reloading.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class ConfigurationReloadTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public void ShouldReadTheConfigurationFilesOnceAtStart()
    {
        var files = FileProviders(Factory);

        Assert.That(files.Select(file => file.Source.Path), Does.Contain("appsettings.json"));
        Assert.That(files.Where(file => file.Source.ReloadOnChange).Select(file => file.Source.Path), Is.Empty,
            "a reloading file watches the content root, where the SQLite database usually lives");
    }

    [Test]
    public void ShouldReloadTheConfigurationFilesWhenTheOperatorAsks()
    {
        using var factory = new CallTranscriptionApiFactory(Database, new Dictionary<string, string?> { [ConfigurationReload.Key] = "true" });

        var appSettings = FileProviders(factory).Single(file => file.Source.Path == "appsettings.json");

        Assert.That(appSettings.Source.ReloadOnChange, Is.True);
    }

    private static List<FileConfigurationProvider> FileProviders(CallTranscriptionApiFactory factory) =>
        ((IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>()).Providers.OfType<FileConfigurationProvider>().ToList();
}
