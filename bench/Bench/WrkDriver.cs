using System.Diagnostics;
using System.Text.Json;

namespace CallTranscription.Bench;

/// <summary>
/// Drives a server with wrk (a C load generator that needs little CPU) and bench/wrk/turns.lua: one thread and one
/// connection per conversation, turns sequential within each. Also measures the CPU wrk and the server used.
/// </summary>
internal static class WrkDriver
{
    public static async Task<WrkRun> RunAsync(ServerProcess server, string conversationPrefix, int conversations, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-t", $"{conversations}", "-c", $"{conversations}", "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s", "--timeout", "10s",
            "-s", Path.Combine(Paths.RepositoryRoot, "bench", "wrk", "turns.lua"),
            new Uri(server.BaseAddress, LoadDriver.Path).ToString(), "--", conversationPrefix,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var serverCpuBefore = ProcessCpu.Used(server.Id) ?? TimeSpan.Zero;
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (bench/run.sh installs it)");
        var output = wrk.StandardOutput.ReadToEndAsync();
        var errors = wrk.StandardError.ReadToEndAsync();
        var wrkCpu = TimeSpan.Zero;
        while (!wrk.HasExited)
        {
            wrkCpu = ProcessCpu.Used(wrk.Id) ?? wrkCpu;
            await Task.Delay(100);
        }

        var serverCpu = (ProcessCpu.Used(server.Id) ?? serverCpuBefore) - serverCpuBefore;
        var text = await output;
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("WRK_RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result (exit {wrk.ExitCode}): {text} {await errors}");
        var result = JsonSerializer.Deserialize<WrkResult>(line["WRK_RESULT ".Length..])!;
        var seconds = result.duration_us / 1e6;
        return new WrkRun(result.requests, seconds, result.acknowledged, result.non_2xx + result.socket_errors,
            result.p50_us / 1000.0, result.p95_us / 1000.0, result.p99_us / 1000.0, result.max_us / 1000.0,
            serverCpu.TotalMicroseconds / Math.Max(1, result.requests), wrkCpu.TotalSeconds / seconds);
    }

#pragma warning disable IDE1006 // the names wrk's Lua script prints
    private sealed record WrkResult(long requests, long duration_us, long acknowledged, long non_2xx, long socket_errors, long p50_us, long p95_us, long p99_us, long max_us);
#pragma warning restore IDE1006
}

/// <summary>One wrk run: throughput, latency (ms), and CPU — the server's per request (µs), wrk's in cores.</summary>
internal sealed record WrkRun(
    long Requests, double Seconds, long Acknowledged, long Failed, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    double ServerCpuMicrosecondsPerRequest, double GeneratorCores)
{
    public double RequestsPerSecond => Requests / Seconds;
}
