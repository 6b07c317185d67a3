using CallTranscription.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

public class DatabaseConfigurationTests
{
    private const string SqlServer = "Server=tcp:db.internal,1433;Database=calltranscription;User Id=app;Password=secret;Encrypt=true";

    [Test]
    public void ShouldAcceptSqlServerWithItsConnectionString()
    {
        Assert.That(Problems(("Database:Provider", "SqlServer"), ("ConnectionStrings:Default", SqlServer)), Is.Empty);
    }

    [Test]
    public void ShouldRefuseAMalformedSqlServerConnectionStringWithoutEchoingIt()
    {
        var problems = Problems(("Database:Provider", "SqlServer"), ("ConnectionStrings:Default", "Server=db;Password=hunter2;Frobnicate=yes"));

        Assert.That(problems, Has.One.Contains("ConnectionStrings:Default is not a valid SqlServer connection string"));
        Assert.That(string.Join("\n", problems), Does.Not.Contain("hunter2"));
    }

    [Test]
    public void ShouldAcceptASchemaOnPostgres()
    {
        Assert.That(Problems(("Database:Provider", "Postgres"), ("ConnectionStrings:Default", "Host=db"), ("Database:Schema", "dev")), Is.Empty);
    }

    [Test]
    public void ShouldRefuseASchemaOnSqlServerPointingToTheUsersDefaultSchema()
    {
        var problems = Problems(("Database:Provider", "SqlServer"), ("ConnectionStrings:Default", SqlServer), ("Database:Schema", "dev"));

        Assert.That(problems, Has.One.Contains("Database:Schema is not supported on SqlServer").And.Contains("DEFAULT_SCHEMA"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void ShouldTreatAnEmptySchemaAsNone(string schema)
    {
        Assert.That(Problems(("Database:Schema", schema)), Is.Empty, "empty on SQLite is no schema, not a schema SQLite lacks");
    }

    [Test]
    public void ShouldRefuseASchemaOnSqlite()
    {
        Assert.That(Problems(("Database:Schema", "dev")), Has.One.Contains("Database:Schema is not supported on Sqlite"));
    }

    [TestCase("dev]; DROP TABLE calls; --")]
    [TestCase("9lives")]
    [TestCase("has space")]
    public void ShouldRefuseASchemaThatIsNotAPlainIdentifier(string schema)
    {
        var problems = Problems(("Database:Provider", "Postgres"), ("ConnectionStrings:Default", "Host=db"), ("Database:Schema", schema));

        Assert.That(problems, Has.One.StartsWith("Database:Schema must be a plain identifier"));
    }

    [TestCase("Sqlite", "")]
    [TestCase("Sqlite", "  ")]
    [TestCase("Postgres", "")]
    public void ShouldRefuseAnEmptyConnectionString(string provider, string connectionString)
    {
        var problems = Problems(("Database:Provider", provider), ("ConnectionStrings:Default", connectionString));

        Assert.That(problems, Has.One.StartsWith("ConnectionStrings:Default is empty"));
    }

    [TestCase("Data Source=")]
    [TestCase("Data Source=:memory:")]
    [TestCase("Data Source=turns;Mode=Memory;Cache=Shared")]
    public void ShouldRefuseASqliteDatabaseThatIsNoFile(string connectionString)
    {
        var problems = Problems(("ConnectionStrings:Default", connectionString));

        Assert.That(problems, Has.One.StartsWith("ConnectionStrings:Default names no database file"));
    }

    [Test]
    public void ShouldUseTheDefaultSqliteFileWhenNoConnectionStringIsSet() => Assert.That(Problems(), Is.Empty);

    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings) =>
        DatabaseConfiguration.Problems(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());
}
