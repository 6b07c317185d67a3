using CallTranscription.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

public class DatabaseOptionsValidatorTests
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
    public void ShouldRefuseAMalformedPostgresConnectionStringWithoutEchoingIt()
    {
        var problems = Problems(("Database:Provider", "Postgres"), ("ConnectionStrings:Default", "Host=db;Password=hunter2;Port=not-a-port"));

        Assert.That(problems, Has.One.Contains("ConnectionStrings:Default is not a valid Postgres connection string"));
        Assert.That(string.Join("\n", problems), Does.Not.Contain("hunter2"));
    }

    [TestCase("Postgres")]
    [TestCase("SqlServer")]
    public void ShouldRequireAConnectionStringForAServerDatabase(string provider) =>
        Assert.That(Problems(("Database:Provider", provider)), Has.One.EqualTo($"ConnectionStrings:Default is required when Database:Provider is {provider}."));

    [Test]
    public void ShouldNotReadAProviderItDoesNotKnow() =>
        Assert.That(Assert.Throws<InvalidOperationException>(() => Problems(("Database:Provider", "Oracle")))!.Message, Does.Contain("'Database:Provider'"));

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

    [TestCase("Database:StartupTimeout", "00:10:01", "Database:StartupTimeout must be between")]
    [TestCase("Database:Retry:MaxAttempts", "11", "Database:Retry:MaxAttempts must be between")]
    [TestCase("Database:Retry:BaseDelay", "00:00:00", "Database:Retry:BaseDelay must be greater than")]
    [TestCase("Database:Retry:MaxConflictRetries", "0", "Database:Retry:MaxConflictRetries must be between")]
    [TestCase("Database:Provider", "7", "Database:Provider must be one of: Sqlite, Postgres, SqlServer")]
    public void ShouldRefuseASettingOutOfItsRange(string key, string value, string problem)
    {
        Assert.That(Problems((key, value)), Has.One.StartsWith(problem));
    }

    [Test]
    public void ShouldNameEveryProblemAtOnce()
    {
        Assert.That(Problems(("Database:Schema", "dev"), ("Database:StartupTimeout", "00:10:01"), ("ConnectionStrings:Default", "")), Has.Count.EqualTo(3));
    }

    // As the service reads them: the Database section bound to its options, the connection string beside it.
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var result = new DatabaseOptionsValidator(configuration).Validate(Options.DefaultName, options);
        return [.. result.Failures ?? []];
    }
}
