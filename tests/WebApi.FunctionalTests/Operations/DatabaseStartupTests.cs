using CallTranscription.Infrastructure;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>
/// Start-up's database step on real databases, without a process: a permanent error fails at once, and every failure
/// names the database, where it is and the real cause, never a password. StartupTests shows the exit code and the line.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public class DatabaseStartupTests
{
    private readonly CapturedLogs _logs = new();

    [SetUp]
    public void ForgetEarlierLogs() => _logs.Clear();

    [Test]
    public async Task ShouldSayWhenSqlitesDirectoryIsNotWritable()
    {
        var failure = await PrepareAsync(migrate: true, ("ConnectionStrings:Default", "Data Source=/proc/calltranscription.db"), ("Database:StartupTimeout", "00:10:00"));

        Assert.That(failure.Message, Is.EqualTo(
            "the Sqlite database /proc/calltranscription.db cannot be used: SQLite Error 14: 'unable to open database file' (directory /proc is not writable)"));
        Assert.That(_logs.Entries.Select(e => e.Message), Has.None.StartsWith("Waiting for"), "a permanent error is not retried");
    }

    [Test]
    public async Task ShouldRetryAnUnreachableServerUntilTheTimeoutAndNameItWithTheRealCause()
    {
        var failure = await PrepareAsync(migrate: false,
            ("Database:Provider", "Postgres"),
            ("ConnectionStrings:Default", "Host=127.0.0.1;Port=9;Username=postgres;Password=hunter2;Database=nowhere;Timeout=1"),
            ("Database:StartupTimeout", "00:00:01"));

        Assert.That(failure.Message, Does.StartWith("the Postgres database 'nowhere' on tcp://127.0.0.1:9 was not ready within 00:00:01"));
        Assert.That(failure.Message, Does.Contain("Failed to connect to 127.0.0.1:9: Connection refused"));
        Assert.That(failure.Message, Does.Not.Contain("hunter2").And.Not.Contain("likely due to a transient failure"));
        Assert.That(_logs.Entries.Select(e => e.Message), Has.Some.StartsWith("Waiting for the Postgres database 'nowhere' on tcp://127.0.0.1:9"), "a transient error is retried");
    }

    [Test]
    public async Task ShouldFailAtOnceWhenThePostgresDatabaseDoesNotExist()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.ConnectionStringOrSkip()) { Database = "calltranscription_missing" };

        var failure = await PrepareAsync(migrate: false,
            ("Database:Provider", "Postgres"), ("ConnectionStrings:Default", server.ConnectionString), ("Database:StartupTimeout", "00:10:00"));

        Assert.That(failure.Message, Is.EqualTo($"the Postgres database 'calltranscription_missing' on tcp://{server.Host}:{server.Port} cannot be used: "
            + "3D000: database \"calltranscription_missing\" does not exist. `migrate` creates it (or set Database:MigrateOnStartup=true)"));
        Assert.That(_logs.Entries.Select(e => e.Message), Has.None.StartsWith("Waiting for"), "a permanent error is not retried");
    }

    [Test]
    public async Task ShouldNameTheSqlServerButNeverItsPassword()
    {
        var failure = await PrepareAsync(migrate: false,
            ("Database:Provider", "SqlServer"),
            ("ConnectionStrings:Default", "Server=tcp:127.0.0.1,9;Database=nowhere;User Id=sa;Password=hunter2;Connect Timeout=1;Encrypt=false"),
            ("Database:StartupTimeout", "00:00:02"));

        Assert.That(failure.Message, Does.StartWith("the SqlServer database 'nowhere' on tcp:127.0.0.1,9 "));
        Assert.That(failure.Message, Does.Not.Contain("hunter2"));
    }

    private async Task<DatabaseUnavailableException> PrepareAsync(bool migrate, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging(logging => logging.AddProvider(_logs));
        services.AddInfrastructure(configuration);
        await using var provider = services.BuildServiceProvider();

        return Assert.ThrowsAsync<DatabaseUnavailableException>(() => provider.PrepareDatabaseAsync(migrate))!;
    }
}
