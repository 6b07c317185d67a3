using System.Diagnostics;
using System.Text.Json;
using CallTranscription.Bench.Servers;

namespace CallTranscription.Bench.Loads;

/// <summary>
/// Drives a server with wrk (a C load generator that needs little CPU) and bench/wrk/turns.lua: one wrk thread and one
/// connection per caller (turns.lua says why). Also measures the CPU wrk used, and the server's in each window.
/// </summary>
internal static class WrkDriver
{
    /// <param name="callsFile">Where the callers' calls stand when the run ends, for the next run to go on with them.</param>
    /// <param name="window">The run is reported in windows of this length.</param>
    public static async Task<WrkRun> RunAsync(ServerProcess server, Load load, string conversationPrefix, string callsFile, TimeSpan duration, TimeSpan window)
    {
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        var windowSeconds = Math.Clamp((int)Math.Round(window.TotalSeconds), 1, seconds);
        var windows = (seconds + windowSeconds - 1) / windowSeconds;
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-t", $"{load.Calls}", "-c", $"{load.Calls}", "-d", $"{seconds}s", "--timeout", "10s",
            "-s", Paths.WrkScript, new Uri(server.BaseAddress, WebhookClient.Path).ToString(),
            "--", conversationPrefix, load.Paced ? "realistic" : "capacity", $"{load.TurnsPerCall}", callsFile, $"{windowSeconds}", $"{windows}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The server's CPU time at each window's start, and at the run's end.
        var serverCpu = new TimeSpan[windows + 1];
        serverCpu[0] = ProcessCpu.Used(server.Id) ?? TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (bench/run.sh installs it)");
        var output = wrk.StandardOutput.ReadToEndAsync();
        var errors = wrk.StandardError.ReadToEndAsync();
        var wrkCpu = TimeSpan.Zero;
        var next = 1;
        while (!wrk.HasExited)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (elapsed > seconds + 60)
            {
                wrk.Kill();
                throw new TimeoutException($"wrk ran a minute past its {seconds} s");
            }

            for (; next < windows && elapsed >= next * windowSeconds; next++)
            {
                serverCpu[next] = ProcessCpu.Used(server.Id) ?? serverCpu[next - 1];
            }

            wrkCpu = ProcessCpu.Used(wrk.Id) ?? wrkCpu;
            await Task.Delay(100);
        }

        for (; next <= windows; next++)
        {
            serverCpu[next] = ProcessCpu.Used(server.Id) ?? serverCpu[next - 1];
        }

        var text = await output;
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("WRK_RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result (exit {wrk.ExitCode}): {text} {await errors}");
        var result = JsonSerializer.Deserialize<WrkResult>(line["WRK_RESULT ".Length..])!;
        var runSeconds = result.duration_us / 1e6;
        return new WrkRun(runSeconds, result.unanswered, result.socket_errors, wrkCpu.TotalSeconds / runSeconds,
            result.windows.Select((w, i) => new WrkWindow(
                Math.Min(windowSeconds, runSeconds - i * windowSeconds), w.requests, w.acknowledged, w.non_2xx,
                Milliseconds(w.p50_us), Milliseconds(w.p95_us), Milliseconds(w.p99_us), Milliseconds(w.max_us),
                w.acknowledged == 0 ? double.NaN : (serverCpu[i + 1] - serverCpu[i]).TotalMicroseconds / w.acknowledged)).ToList());
    }

    // turns.lua prints -1 for a window without an answer.
    private static double Milliseconds(double microseconds) => microseconds < 0 ? double.NaN : microseconds / 1000;

#pragma warning disable IDE1006 // the names turns.lua prints
    private sealed record WrkResult(long duration_us, long unanswered, long socket_errors, List<WindowResult> windows);

    private sealed record WindowResult(long requests, long acknowledged, long non_2xx, double p50_us, double p95_us, double p99_us, double max_us);
#pragma warning restore IDE1006
}
