using System.Diagnostics;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.Faults;

/// <summary>
/// A PostgreSQL cluster of the fault suite's own, on its own port, so the suite can stop and restart the server
/// under load without disturbing the shared test server. Driven by scripts/test-postgres.sh.
/// </summary>
public sealed class OwnPostgresCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _stateDirectory;

    private OwnPostgresCluster(int port)
    {
        Port = port;
        _stateDirectory = Path.Combine(Path.GetTempPath(), $"calltranscription-pg-faults-{Environment.ProcessId}-{port}");
        _environment = new() { ["PGTEST_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["PGTEST_DIR"] = _stateDirectory };
    }

    public int Port { get; }

    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=3";

    public static async Task<OwnPostgresCluster> StartAsync(int port)
    {
        // The same policy as every PostgreSQL test: skipped without a server locally, required in CI.
        PostgresServer.ConnectionStringOrSkip();
        var cluster = new OwnPostgresCluster(port);
        await cluster.RunScriptAsync("start");
        return cluster;
    }

    public Task StopAsync() => RunScriptAsync("stop");

    public Task ResumeAsync() => RunScriptAsync("resume");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_stateDirectory, recursive: true);
    }

    private async Task RunScriptAsync(string verb)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "scripts", "test-postgres.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.That(process.ExitCode, Is.Zero, $"test-postgres.sh {verb} failed: {await errors}{await output}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallTranscription.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
