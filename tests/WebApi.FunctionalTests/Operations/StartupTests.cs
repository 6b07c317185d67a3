using System.Net;
using System.Net.Sockets;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Startup;
using Microsoft.Data.Sqlite;

namespace CallTranscription.WebApi.FunctionalTests.Operations;

/// <summary>
/// The service as an operator starts it: a real process, configured through environment variables, for what only a
/// process shows: its exit code and the one line it prints, for each way start-up ends. The rules behind each refusal
/// are tested without a process (WebApi.UnitTests, DatabaseOptionsValidatorTests, DatabaseStartupTests).
/// </summary>
[Parallelizable(ParallelScope.Self)]
public class StartupTests
{
    private static readonly TimeSpan _exitLimit = TimeSpan.FromSeconds(60);

    // Each setting's rule is tested once, without a process: SettingsValidationTests and DatabaseOptionsValidatorTests.
    // A setting read while the routes are mapped once crashed start-up instead of exiting 2: ElevenLabs' proves it does not.
    [TestCase("RateLimiting__PermitLimit", "lots", "RateLimiting:PermitLimit")]
    [TestCase("ElevenLabs__SignatureTolerance", "00:00:00", "ElevenLabs:SignatureTolerance")]
    public async Task ShouldRefuseASettingItCannotUse(string variable, string value, string key)
    {
        var output = await RunToExitAsync(ExitCodes.InvalidConfiguration, new Dictionary<string, string> { [variable] = value });

        AssertOneClearLine(output, key);
    }

    [Test]
    public async Task ShouldRefuseAnEmptyConnectionStringAndAUrlWhosePortIsNotANumberOnALineEach()
    {
        var output = await RunToExitAsync(ExitCodes.InvalidConfiguration,
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = "", ["ASPNETCORE_URLS"] = "http://127.0.0.1:notaport" }, "--environment", "Production");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), output);
        Assert.That(lines, Has.All.StartsWith("Invalid configuration: "));
        Assert.That(lines, Has.One.Contains("ConnectionStrings:Default").And.One.Contains("http://127.0.0.1:notaport"));
        Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task ShouldRefuseAnUnknownCommand()
    {
        var output = await RunToExitAsync(ExitCodes.InvalidConfiguration, [], "migrat");

        AssertOneClearLine(output, "unknown command 'migrat'");
    }

    [Test]
    public async Task ShouldExitWithOneLineWhenThePortIsTaken()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var directory = Directory.CreateTempSubdirectory("calltranscription-port-");
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
            var output = await RunToExitAsync(ExitCodes.CannotListen,
                new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(directory.FullName, "port.db")};Pooling=False" },
                "--urls", url);

            Assert.That(output.Split('\n').Where(line => line.Contains(url, StringComparison.Ordinal)),
                Is.EqualTo(new[] { $"Cannot listen: Failed to bind to address {url}: address already in use." }), output);
            Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "one line, no stack trace");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // How each database's failure is worded, permanent or not, is DatabaseStartupTests'.
    [Test]
    public async Task ShouldFailAtOnceWhenSqliteCannotOpenItsFile()
    {
        const string file = "/nonexistent-calltranscription-dir/x.db", cause = "directory /nonexistent-calltranscription-dir does not exist";
        var output = await RunToExitAsync(ExitCodes.DatabaseUnavailable, new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={file}",
            ["Database__StartupTimeout"] = "00:10:00",
        });

        Assert.That(output, Does.Contain($"Startup failed: the Sqlite database {file} cannot be used: SQLite Error 14: 'unable to open database file' ({cause})"));
        Assert.That(output, Does.Not.Contain("Waiting for"), "a permanent error is not retried");
    }

    [Test]
    public async Task MigrateCommandShouldApplyMigrationsAndExit()
    {
        var directory = Directory.CreateTempSubdirectory("calltranscription-migrate-");
        var connectionString = $"Data Source={Path.Combine(directory.FullName, "migrated.db")};Pooling=False";
        try
        {
            var output = await RunToExitAsync(ExitCodes.Success, new Dictionary<string, string>
            {
                ["ConnectionStrings__Default"] = connectionString,
                ["Database__MigrateOnStartup"] = "false",
            }, "migrate");

            Assert.That(output, Does.Contain("Sqlite database migrated").And.Not.Contain("Now listening"));
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('calls', 'call_transcriptions', 'drivers', 'elevenlabs_call_records') ORDER BY name)";
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("call_transcriptions,calls,drivers,elevenlabs_call_records"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    internal static async Task<string> RunToExitAsync(int expectedExitCode, Dictionary<string, string> environment, params string[] arguments)
    {
        await using var service = ServiceProcess.Start(environment, arguments);
        var exitCode = await service.WaitForExitAsync(_exitLimit);
        Assert.That(exitCode, Is.EqualTo(expectedExitCode), service.Output);
        return service.Output;
    }

    private static void AssertOneClearLine(string output, string key)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), output);
        Assert.That(lines[0], Does.StartWith("Invalid configuration: ").And.Contain(key));
        Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }
}
