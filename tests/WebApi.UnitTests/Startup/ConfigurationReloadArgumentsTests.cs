using CallTranscription.WebApi.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace CallTranscription.WebApi.UnitTests.Startup;

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
