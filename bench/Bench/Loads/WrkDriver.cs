using System.Diagnostics;
using System.Text.Json;
using CallTranscription.Bench.Servers;

namespace CallTranscription.Bench.Loads;

/// <summary>
/// Drives a server with wrk (a C load generator that needs little CPU) and bench/wrk/turns.lua: one wrk thread and one
/// connection per caller (turns.lua says why). Also measures the CPU wrk and the server used meanwhile.
/// </summary>
internal static class WrkDriver
{
    public static async Task<WrkRun> RunAsync(ServerProcess server, Load load, string conversationPrefix, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-t", $"{load.Calls}", "-c", $"{load.Calls}", "-d", $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds))}s", "--timeout", "10s",
            "-s", Paths.WrkScript, new Uri(server.BaseAddress, WebhookClient.Path).ToString(),
            "--", conversationPrefix, load.Paced ? "realistic" : "capacity", $"{load.TurnsPerCall}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var serverCpuBefore = ProcessCpu.Used(server.Id) ?? TimeSpan.Zero;
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (bench/run.sh installs it)");
        var output = wrk.StandardOutput.ReadToEndAsync();
        var errors = wrk.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * (long)(duration.TotalSeconds + 60);
        var wrkCpu = TimeSpan.Zero;
        while (!wrk.HasExited)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                wrk.Kill();
                throw new TimeoutException($"wrk ran a minute past its {duration.TotalSeconds} s");
            }

            wrkCpu = ProcessCpu.Used(wrk.Id) ?? wrkCpu;
            await Task.Delay(100);
        }

        var serverCpu = (ProcessCpu.Used(server.Id) ?? serverCpuBefore) - serverCpuBefore;
        var text = await output;
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("WRK_RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result (exit {wrk.ExitCode}): {text} {await errors}");
        var result = JsonSerializer.Deserialize<WrkResult>(line["WRK_RESULT ".Length..])!;
        var seconds = result.duration_us / 1e6;
        return new WrkRun(result.requests, seconds, result.acknowledged, result.non_2xx + result.socket_errors, result.unanswered,
            result.p50_us / 1000.0, result.p95_us / 1000.0, result.p99_us / 1000.0, result.max_us / 1000.0,
            serverCpu.TotalMicroseconds / Math.Max(1, result.acknowledged), wrkCpu.TotalSeconds / seconds);
    }

#pragma warning disable IDE1006 // the names wrk's Lua script prints
    private sealed record WrkResult(long requests, long duration_us, long acknowledged, long non_2xx, long unanswered, long socket_errors, long p50_us, long p95_us, long p99_us, long max_us);
#pragma warning restore IDE1006
}
