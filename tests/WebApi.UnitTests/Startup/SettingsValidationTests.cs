using CallTranscription.Infrastructure.ElevenLabs;
using CallTranscription.WebApi.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.UnitTests.Startup;

/// <summary>
/// The web settings as AddWebApi registers them, checked as start-up checks them, before anything listens. How a
/// refusal reaches the operator (one line, exit code 2) is ExitCodes' part, and StartupTests' with the real process.
/// </summary>
public class SettingsValidationTests
{
    [Test]
    public void ShouldAcceptTheDefaults() => Assert.DoesNotThrow(() => Validate());

    [TestCase("RateLimiting:PermitLimit", "-5", "RateLimiting:PermitLimit must be 0 (off) or more.")]
    [TestCase("RateLimiting:Window", "00:00:00", "RateLimiting:Window must be greater than 00:00:00.")]
    [TestCase("ElevenLabs:SignatureTolerance", "-00:01:00", "ElevenLabs:SignatureTolerance must be greater than 00:00:00.")]
    [TestCase("urls", "http://127.0.0.1:notaport", "urls (ASPNETCORE_URLS, --urls) has 'http://127.0.0.1:notaport'")]
    [TestCase("http_ports", "eighty", "http_ports (ASPNETCORE_HTTP_PORTS) has 'eighty'")]
    [TestCase("ElevenLabs:ApiBaseUrl", "api.elevenlabs.io", "ElevenLabs:ApiBaseUrl must be an absolute http:// or https:// URL")]
    [TestCase("ElevenLabs:ApiBaseUrl", "ftp://api.elevenlabs.io", "ElevenLabs:ApiBaseUrl must be an absolute http:// or https:// URL")]
    [TestCase("Reconciliation:Interval", "00:00:00", "Reconciliation:Interval must be from 00:00:01 to 1.00:00:00.")]
    [TestCase("Reconciliation:GiveUpAfter", "00:10:00", "Reconciliation:GiveUpAfter must be longer than Reconciliation:QuietPeriod.")]
    public void ShouldRefuseASettingOutOfItsRange(string key, string value, string problem)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Validate((key, value)));

        Assert.That(refused!.Failures, Has.One.StartsWith(problem));
    }

    [TestCase("RateLimiting:PermitLimit", "lots")]
    [TestCase("RateLimiting:Window", "soon")]
    [TestCase("ElevenLabs:SignatureTolerance", "half an hour")]
    public void ShouldRefuseASettingItCannotRead(string key, string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Validate((key, value)));

        Assert.That(refused!.Message, Does.Contain($"'{key}'"));
    }

    [Test]
    public void ShouldNameEveryRefusedOptionsClassAtOnce()
    {
        var refused = Assert.Throws<AggregateException>(() => Validate(("RateLimiting:PermitLimit", "-1"), ("urls", "ftp://127.0.0.1:21")));

        Assert.That(ExitCodes.Of(refused!)?.Lines, Has.Exactly(2).StartsWith("Invalid configuration: "));
    }

    private static void Validate(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddWebApi(configuration).AddElevenLabsApi();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
