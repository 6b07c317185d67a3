using CallTranscription.WebApi.Startup;

namespace CallTranscription.WebApi.UnitTests.Startup;

/// <summary>The command line: `migrate`, `backfill`, or nothing and serve; every setting form ASP.NET Core reads is no command.</summary>
public class ServiceCommandTests
{
    [TestCase]
    [TestCase("--urls", "http://127.0.0.1:5080")]
    [TestCase("--urls=http://127.0.0.1:5080")]
    [TestCase("/urls", "http://127.0.0.1:5080")]
    [TestCase("Database:Provider=Postgres")]
    [TestCase("--environment", "Production", "--Database:Provider=Postgres")]
    public void ShouldServeWhenNoCommandIsGiven(params string[] args) => Assert.That(ServiceCommand.Of(args), Is.Null);

    [TestCase("migrate")]
    [TestCase("--urls", "http://127.0.0.1:5080", "migrate")]
    [TestCase("migrate", "--Database:Provider=Postgres")]
    [TestCase("Database:Provider=Postgres", "migrate")]
    public void ShouldMigrateWhenAsked(params string[] args) => Assert.That(ServiceCommand.Of(args), Is.EqualTo(ServiceCommand.Migrate));

    [TestCase("backfill", "--conversation", "conv_1")]
    [TestCase("backfill", "--since", "2025-06-01", "--agent", "agent_1")]
    public void ShouldBackfillWhenAsked(params string[] args) => Assert.That(ServiceCommand.Of(args), Is.EqualTo(ServiceCommand.Backfill));

    [TestCase("migrat")]
    [TestCase("--urls", "http://127.0.0.1:5080", "serve")]
    [TestCase("migrate", "now")]
    public void ShouldRefuseAnUnknownCommand(params string[] args)
    {
        var refused = Assert.Throws<InvalidConfigurationException>(() => ServiceCommand.Of(args));

        Assert.That(refused!.Message, Does.StartWith($"unknown command '{string.Join(' ', args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.StartsWith("http", StringComparison.Ordinal)))}'"));
        Assert.That(refused.Message, Does.Contain("the commands are 'migrate' and 'backfill'"));
    }
}
