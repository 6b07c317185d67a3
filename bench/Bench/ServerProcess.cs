using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallTranscription.Bench;

/// <summary>A server under test, run as its own process on 127.0.0.1; its output goes to a log file.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public static async Task<ServerProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, string logPath, params string[] extraArguments)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        // Run from the application directory, as an operator does, so appsettings.json applies. Its output goes
        // straight to the log file, as under a service manager: no process of the bench's reads it during the load.
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var argument in new[] { "-c", "exec dotnet \"$@\" >\"$0\" 2>&1", logPath, dll })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, baseAddress);
        await server.WaitUntilAnsweringAsync();
        return server;
    }

    /// <summary>Peak resident set size (VmHWM) so far, in MiB.</summary>
    public double PeakRssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
            }
        }

        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await kill.WaitForExitAsync();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode}; see its log");
            }

            try
            {
                await client.GetAsync("/health/live");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("the server did not answer within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
