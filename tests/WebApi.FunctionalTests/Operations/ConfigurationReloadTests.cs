using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Startup;
using Microsoft.AspNetCore.Builder;
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

/// <summary>How the service's arguments leave reloading off, or as the operator set it.</summary>
public class ConfigurationReloadArgumentsTests
{
    [Test]
    public void ShouldReadTheFilesOnceWhenNothingAsksForReloading()
    {
        using var builder = Builder(ConfigurationReload.OffUnlessAsked(["--urls", "http://127.0.0.1:5080"], HostSettings()));

        Assert.That(JsonFiles(builder).Select(file => file.ReloadOnChange), Is.All.False);
    }

    [TestCase("--hostBuilder:reloadConfigOnChange=true")]
    [TestCase("--hostBuilder:reloadConfigOnChange", "true")]
    [TestCase("/hostBuilder:reloadConfigOnChange", "true")]
    public void ShouldReloadWhenTheCommandLineAsks(params string[] args)
    {
        using var builder = Builder(ConfigurationReload.OffUnlessAsked(args, HostSettings(args)));

        Assert.That(JsonFiles(builder).Select(file => file.ReloadOnChange), Is.All.True);
    }

    [Test]
    public void ShouldLeaveTheSettingToTheEnvironmentWhenItNamesIt()
    {
        string[] args = ["--urls", "http://127.0.0.1:5080"];

        var passed = ConfigurationReload.OffUnlessAsked(args, HostSettings(args, (ConfigurationReload.Key, "true")));

        Assert.That(passed, Is.EqualTo(args), "a prepended false would override the environment's true");
    }

    private static IConfiguration HostSettings(string[]? args = null, params (string Key, string Value)[] environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.ToDictionary(setting => setting.Key, setting => (string?)setting.Value))
            .AddCommandLine(args ?? [])
            .Build();

    private static WebApplicationBuilderScope Builder(string[] args) => new(WebApplication.CreateBuilder(args));

    private static IEnumerable<JsonConfigurationSource> JsonFiles(WebApplicationBuilderScope scope) =>
        ((IConfigurationBuilder)scope.Builder.Configuration).Sources.OfType<JsonConfigurationSource>();

    /// <summary>Disposes the builder's configuration, and with it any file watcher it started.</summary>
    private sealed record WebApplicationBuilderScope(WebApplicationBuilder Builder) : IDisposable
    {
        public void Dispose() => Builder.Configuration.Dispose();
    }
}
