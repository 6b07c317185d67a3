using System.Diagnostics;
using Npgsql;

namespace CallTranscription.Bench;

internal sealed class BenchRunner(Options options)
{
    public async Task<List<LoadResult>> RunAsync()
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var results = new List<LoadResult>();
        foreach (var scenario in options.Scenarios)
        {
            Console.WriteLine($"== {scenario}");
            var result = scenario switch
            {
                "ceiling" => await LoadAsync(scenario, options.Conversations, StartCeilingAsync),
                "ceiling16" => await LoadAsync(scenario, 16, StartCeilingAsync),
                "ceiling-checkpointer" => await LoadAsync(scenario, options.Conversations, StartCeilingAsync),
                "sqlite" => await LoadAsync(scenario, options.Conversations, StartServiceOnSqliteAsync),
                "sqlite16" => await LoadAsync(scenario, 16, StartServiceOnSqliteAsync),
                "postgres" => await LoadAsync(scenario, options.Conversations, StartServiceOnPostgresAsync),
                "long" => await LongConversationAsync(),
                _ => throw new ArgumentException($"unknown scenario {scenario}"),
            };
            Console.WriteLine(Report.Row(result));
            results.Add(result);
        }

        return results;
    }

    private async Task<LoadResult> LoadAsync(string scenario, int conversations, Func<string, Task<(ServerProcess, bool, string)>> start)
    {
        var (server, postgres, connectionString) = await start(scenario);
        await using (server)
        {
            var prefix = $"bench-{scenario}-{Guid.NewGuid():N}"[..24];
            var run = await LoadDriver.RunAsync(server.BaseAddress, prefix, conversations, options.Warmup, options.Duration);
            var rss = server.PeakRssMiB();
            var audit = await DatabaseAudit.CheckAsync(postgres, connectionString, prefix, run.Acknowledged);
            return new LoadResult(scenario, conversations, run.Seconds, run.Requests, run.NonSuccess, run.Requests / run.Seconds,
                LoadResult.Percentile(run.LatenciesMs, 50), LoadResult.Percentile(run.LatenciesMs, 95),
                LoadResult.Percentile(run.LatenciesMs, 99), run.LatenciesMs.LastOrDefault(), rss, audit);
        }
    }

    private async Task<LoadResult> LongConversationAsync()
    {
        var (server, _, connectionString) = await StartServiceOnSqliteAsync("long");
        await using (server)
        {
            using var client = LoadDriver.CreateClient(server.BaseAddress, 1);
            // Warm the server (JIT, pools) on another conversation, so the comparison isolates conversation length.
            var warmupId = $"bench-warmup-{Guid.NewGuid():N}"[..24];
            for (var turn = 1; turn <= 1000; turn++)
            {
                await LoadDriver.PostAsync(client, TurnBodies.For(warmupId, turn));
            }

            var acknowledged = new Acknowledged();
            var prefix = $"bench-long-{Guid.NewGuid():N}"[..24];
            var conversationId = $"{prefix}-0";
            var latencies = new double[options.LongTurns];
            long nonSuccess = 0;
            var started = Stopwatch.GetTimestamp();
            for (var turn = 1; turn <= options.LongTurns; turn++)
            {
                var before = Stopwatch.GetTimestamp();
                var (status, sequence) = await LoadDriver.PostAsync(client, TurnBodies.For(conversationId, turn));
                latencies[turn - 1] = (Stopwatch.GetTimestamp() - before) * 1000.0 / Stopwatch.Frequency;
                if (status == System.Net.HttpStatusCode.Created)
                {
                    acknowledged.Add(conversationId, sequence);
                }
                else
                {
                    nonSuccess++;
                }
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var first = Median(latencies.Take(100));
            var last = Median(latencies.Skip(options.LongTurns - 100));
            var audit = await DatabaseAudit.CheckAsync(false, connectionString, prefix, acknowledged);
            var sorted = latencies.Order().ToList();
            return new LoadResult("long", 1, seconds, options.LongTurns, nonSuccess, options.LongTurns / seconds,
                LoadResult.Percentile(sorted, 50), LoadResult.Percentile(sorted, 95), LoadResult.Percentile(sorted, 99), sorted[^1],
                server.PeakRssMiB(), $"{audit}; p50 turns 1-100 {first:0.000} ms, turns {options.LongTurns - 99}-{options.LongTurns} {last:0.000} ms, ratio {last / first:0.00}");
        }
    }

    private async Task<(ServerProcess, bool, string)> StartCeilingAsync(string scenario)
    {
        var database = NewSqliteFile(scenario);
        var server = await ServerProcess.StartAsync(Paths.BenchDll, new Dictionary<string, string>(), LogPath(scenario),
            ["ceiling-server", "--db", database, .. scenario.EndsWith("-checkpointer", StringComparison.Ordinal) ? ["--checkpointer", "true"] : Array.Empty<string>()]);
        return (server, false, $"Data Source={database}");
    }

    private async Task<(ServerProcess, bool, string)> StartServiceOnSqliteAsync(string scenario)
    {
        var database = NewSqliteFile(scenario);
        var connectionString = $"Data Source={database}";
        var server = await ServerProcess.StartAsync(Paths.ServiceDll, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Default"] = connectionString,
        }, LogPath(scenario));
        return (server, false, connectionString);
    }

    private async Task<(ServerProcess, bool, string)> StartServiceOnPostgresAsync(string scenario)
    {
        var serverConnection = options.PostgresServer
            ?? throw new InvalidOperationException("the postgres scenario needs --postgres or CALLTRANSCRIPTION_BENCH_POSTGRES (bench/run.sh starts one)");
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnection)
        {
            Database = $"ct_bench_{Guid.NewGuid():N}"[..20],
            MaxPoolSize = 100,
            MaxAutoPrepare = 20,
        }.ConnectionString;
        var server = await ServerProcess.StartAsync(Paths.ServiceDll, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = connectionString,
            ["Database__MigrateOnStartup"] = "true",
        }, LogPath(scenario));
        return (server, true, connectionString);
    }

    private string NewSqliteFile(string scenario)
    {
        var directory = Directory.CreateTempSubdirectory($"ct-bench-{scenario}-").FullName;
        return Path.Combine(directory, "bench.db");
    }

    private string LogPath(string scenario) => Path.Combine(options.OutputDirectory, $"{scenario}-server.log");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return LoadResult.Percentile(sorted, 50);
    }
}
