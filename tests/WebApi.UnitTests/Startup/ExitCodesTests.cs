using System.Net.Sockets;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi.Startup;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.UnitTests.Startup;

/// <summary>Each start-up failure to its documented exit code and the lines that name its cause; a bug to none.</summary>
public class ExitCodesTests
{
    [Test]
    public void ShouldNameEveryInvalidSettingOnALineOfItsOwn()
    {
        var invalid = new OptionsValidationException("RateLimiting", typeof(object), ["RateLimiting:PermitLimit must be 0 (off) or more.", "RateLimiting:Window must be greater than 00:00:00."]);

        var (code, lines) = ExitCodes.Of(invalid)!.Value;

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidConfiguration));
        Assert.That(lines, Is.EqualTo(new[]
        {
            "Invalid configuration: RateLimiting:PermitLimit must be 0 (off) or more.",
            "Invalid configuration: RateLimiting:Window must be greater than 00:00:00.",
        }));
    }

    [Test]
    public void ShouldNameTheInvalidSettingsOfEveryOptionsClassAtOnce()
    {
        var all = new AggregateException(
            new OptionsValidationException("Database", typeof(object), ["ConnectionStrings:Default is empty."]),
            new OptionsValidationException("ServerUrls", typeof(object), ["urls has 'http://127.0.0.1:notaport'."]));

        var (code, lines) = ExitCodes.Of(all)!.Value;

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidConfiguration));
        Assert.That(lines, Is.EqualTo(new[] { "Invalid configuration: ConnectionStrings:Default is empty.", "Invalid configuration: urls has 'http://127.0.0.1:notaport'." }));
    }

    [Test]
    public void ShouldTreatAnAggregateOfOtherFailuresAsABug() =>
        Assert.That(ExitCodes.Of(new AggregateException(new OptionsValidationException("x", typeof(object), ["bad"]), new NullReferenceException())), Is.Null);

    [Test]
    public void ShouldRefuseAnUnreadableSettingOrCommandAsInvalidConfiguration()
    {
        var (code, lines) = ExitCodes.Of(new InvalidConfigurationException("unknown command 'serve' on the command line"))!.Value;

        Assert.That((code, lines.Single()), Is.EqualTo((ExitCodes.InvalidConfiguration, "Invalid configuration: unknown command 'serve' on the command line")));
    }

    [Test]
    public void ShouldReportAnUnusableDatabaseWithItsCause()
    {
        var unavailable = new DatabaseUnavailableException("the Postgres database 'calls' on tcp://db:5432 cannot be used: 3D000", new InvalidOperationException());

        var (code, lines) = ExitCodes.Of(unavailable)!.Value;

        Assert.That((code, lines.Single()), Is.EqualTo((ExitCodes.DatabaseUnavailable, "Startup failed: the Postgres database 'calls' on tcp://db:5432 cannot be used: 3D000")));
    }

    [Test]
    public void ShouldReportAnAddressItCannotListenOn()
    {
        var inUse = new IOException("Failed to bind to address http://127.0.0.1:5080: address already in use.", new AddressInUseException("Address already in use"));
        var (code, lines) = ExitCodes.Of(inUse)!.Value;

        Assert.That((code, lines.Single()), Is.EqualTo((ExitCodes.CannotListen, "Cannot listen: Failed to bind to address http://127.0.0.1:5080: address already in use.")));
        Assert.That(ExitCodes.Of(new SocketException((int)SocketError.AccessDenied))?.Code, Is.EqualTo(ExitCodes.CannotListen));
    }

    [Test]
    public void ShouldLeaveAFileThatCannotBeReadToCrash() =>
        Assert.That(ExitCodes.Of(new FileNotFoundException("Could not find file '/nope.pfx'.")), Is.Null, "a missing certificate is not a taken port");

    [TestCase(typeof(NullReferenceException))]
    [TestCase(typeof(InvalidOperationException))]
    public void ShouldLeaveABugToCrash(Type bug) => Assert.That(ExitCodes.Of((Exception)Activator.CreateInstance(bug)!), Is.Null);

    [Test]
    public void ShouldKeepTheCodesOperatorsRelyOn() =>
        Assert.That(
            (ExitCodes.Success, ExitCodes.InvalidConfiguration, ExitCodes.DatabaseUnavailable, ExitCodes.CannotListen),
            Is.EqualTo((0, 2, 3, 4)));
}
