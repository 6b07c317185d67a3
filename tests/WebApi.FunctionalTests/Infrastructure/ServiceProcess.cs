using System.Diagnostics;
using System.Text;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>The built service run as its own process on 127.0.0.1, as an operator runs it.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the service with the given configuration (as environment variables) and extra arguments.</summary>
    public static ServiceProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartIn(AppContext.BaseDirectory, environment, arguments);

    /// <summary>Starts the service from another working directory, as a systemd unit without WorkingDirectory does.</summary>
    public static ServiceProcess StartIn(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CallTranscription.WebApi.dll"));
        foreach (var argument in arguments.Length > 0 ? arguments : ["--urls", baseAddress.ToString()])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("Logging__Console__FormatterName"); // the service's own default, not this shell's
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new ServiceProcess(Process.Start(start)!, baseAddress);
    }

    public Task WaitUntilListeningAsync() => WaitForLineAsync(line => line.Contains("Now listening on", StringComparison.Ordinal));

    /// <summary>The first line of output that matches, once the service has written it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (Output.Split('\n').FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                Assert.Fail($"the service exited with {_process.ExitCode} before writing the line awaited:\n{Output}");
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>What a container orchestrator or systemd sends to stop a service.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        await _process.WaitForExitAsync().WaitAsync(limit);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
