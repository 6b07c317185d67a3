namespace CallTranscription.Bench.Servers;

/// <summary>
/// The service's own `migrate` command creates each server's database and schema, so that references and service
/// alike run on the schema the service's migrations make, and the service starts as after a deploy: migrated.
/// </summary>
internal static class ServiceMigration
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(BenchDatabase database, string logPath)
    {
        using var process = DotnetProcess.Start(Paths.ServiceDll, database.ServiceSettings, logPath, "migrate");
        using var timeout = new CancellationTokenSource(_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the service's migrate did not finish within {_timeout.TotalMinutes} minutes; see {logPath}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the service's migrate exited with {process.ExitCode}; see {logPath}");
        }
    }
}
