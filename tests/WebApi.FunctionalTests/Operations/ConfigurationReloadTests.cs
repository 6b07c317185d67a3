using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Startup;
using Microsoft.Extensions.Configuration;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class ConfigurationReloadTests(DatabaseKind kind) : WebhookTestBase(kind)
{
    [Test]
    public void ShouldReadTheConfigurationFilesOnceAtStart()
    {
        var files = ((IConfigurationRoot)Factory.Services.GetRequiredService<IConfiguration>()).Providers
            .OfType<FileConfigurationProvider>()
            .ToList();

        Assert.That(files.Select(file => file.Source.Path), Does.Contain("appsettings.json"));
        Assert.That(files.Where(file => file.Source.ReloadOnChange).Select(file => file.Source.Path), Is.Empty,
            "a reloading file watches the content root, where the SQLite database usually lives");
    }

    [Test]
    public void ShouldTurnReloadingOffBeforeTheOperatorsArguments() =>
        Assert.That(ConfigurationReload.OffUnlessAsked(["--urls", "http://127.0.0.1:5080"], environmentValue: null),
            Is.EqualTo(new[] { "--hostBuilder:reloadConfigOnChange=false", "--urls", "http://127.0.0.1:5080" }));

    [Test]
    public void ShouldKeepReloadingWhenTheCommandLineAsksForIt()
    {
        string[] args = ["--hostBuilder:reloadConfigOnChange=true"];

        Assert.That(ConfigurationReload.OffUnlessAsked(args, environmentValue: null), Is.EqualTo(args));
    }

    [Test]
    public void ShouldKeepReloadingWhenTheEnvironmentAsksForIt()
    {
        string[] args = ["--urls", "http://127.0.0.1:5080"];

        Assert.That(ConfigurationReload.OffUnlessAsked(args, environmentValue: "true"), Is.EqualTo(args));
    }
}
