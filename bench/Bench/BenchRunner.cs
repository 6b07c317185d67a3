using System.Diagnostics;
using Npgsql;

namespace CallTranscription.Bench;

internal sealed class BenchRunner(Options options)
{
    /// <summary>
    /// Every scenario once per round. With --rounds N, each reference and its service alternate N times, so that a
    /// slow or fast spell of this shared machine falls on both, and the report compares them round by round. Every
    /// other round runs the scenarios in reverse (ABBA), so neither side always comes second.
    /// </summary>
    public async Task<List<LoadResult>> RunAsync()
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var results = new List<LoadResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var scenario in round % 2 == 1 ? options.Scenarios : options.Scenarios.Reverse())
            {
                Console.WriteLine(options.Rounds > 1 ? $"== {scenario} (round {round})" : $"== {scenario}");
                var scenarioResults = scenario switch
                {
                    "sqlite" => await LoadAsync(scenario, options.Conversations, round, StartServiceOnSqliteAsync),
                    "sqlite16" => await LoadAsync(scenario, 16, round, StartServiceOnSqliteAsync),
                    "postgres-reference" => await LoadAsync(scenario, options.Conversations, round, StartPostgresReferenceAsync),
                    "postgres" => await LoadAsync(scenario, options.Conversations, round, StartServiceOnPostgresAsync),
                    "long" => [await LongConversationAsync() with { Round = round }],
                    _ => throw new ArgumentException($"unknown scenario {scenario}"),
                };
                foreach (var result in scenarioResults)
                {
                    Console.WriteLine(Report.Row(result));
                }

                results.AddRange(scenarioResults);
            }
        }

        return results;
    }

    /// <summary>
    /// Two measurements of one server process under continuous load: after a short warm-up (how fast it is soon after a
    /// deploy, a restart or a scale-out) and after the steady-state warm-up. Each phase is its own wrk run.
    /// </summary>
    private async Task<List<LoadResult>> LoadAsync(string scenario, int conversations, int round, Func<string, Task<(ServerProcess, bool, string)>> start)
    {
        var (server, postgres, connectionString) = await start(scenario);
        await using (server)
        {
            var prefix = $"bench-{scenario}-{Guid.NewGuid():N}"[..24];
            var runs = 0;
            long acknowledged = 0;
            async Task<WrkRun> LoadFor(TimeSpan duration)
            {
                var run = await WrkDriver.RunAsync(server, $"{prefix}-r{++runs}", conversations, duration);
                acknowledged += run.Acknowledged;
                return run;
            }

            var measured = new List<(string Phase, WrkRun Run)>();
            await LoadFor(options.EarlyWarmup);
            measured.Add(($"{options.EarlyWarmup.TotalSeconds:0} s", await LoadFor(options.Duration)));
            var remainingWarmup = options.Warmup - options.EarlyWarmup - options.Duration;
            if (remainingWarmup >= TimeSpan.FromSeconds(1))
            {
                await LoadFor(remainingWarmup);
            }

            measured.Add(($"{options.Warmup.TotalSeconds:0} s", await LoadFor(options.Duration)));
            var rss = server.PeakRssMiB();
            var audit = await DatabaseAudit.CheckCountsAsync(postgres, connectionString, prefix, acknowledged, runs * conversations);
            return measured.Select(m => LoadResult.From(scenario, conversations, m.Phase, m.Run, rss, audit, round)).ToList();
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
            return new LoadResult("long", 1, "1,000 turns", seconds, options.LongTurns, nonSuccess, options.LongTurns / seconds,
                LoadResult.Percentile(sorted, 50), LoadResult.Percentile(sorted, 95), LoadResult.Percentile(sorted, 99), sorted[^1],
                double.NaN, double.NaN, server.PeakRssMiB(), $"{audit}; p50 turns 1-100 {first:0.000} ms, turns {options.LongTurns - 99}-{options.LongTurns} {last:0.000} ms, ratio {last / first:0.00}");
        }
    }

    private async Task<(ServerProcess, bool, string)> StartServiceOnSqliteAsync(string scenario)
    {
        var database = NewSqliteFile(scenario);
        var connectionString = $"Data Source={database}";
        var server = await ServerProcess.StartAsync(Paths.ServiceDll, new Dictionary<string, string>(options.ServiceEnvironment)
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Default"] = connectionString,
        }, LogPath(scenario));
        return (server, false, connectionString);
    }

    private async Task<(ServerProcess, bool, string)> StartPostgresReferenceAsync(string scenario)
    {
        var connectionString = NewPostgresDatabase();
        var server = await ServerProcess.StartAsync(Paths.BenchDll, new Dictionary<string, string>(), LogPath(scenario),
            ["postgres-reference-server", "--connection", connectionString]);
        return (server, true, connectionString);
    }

    private async Task<(ServerProcess, bool, string)> StartServiceOnPostgresAsync(string scenario)
    {
        var connectionString = NewPostgresDatabase();
        var server = await ServerProcess.StartAsync(Paths.ServiceDll, new Dictionary<string, string>(options.ServiceEnvironment)
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = connectionString,
            ["Database__MigrateOnStartup"] = "true",
        }, LogPath(scenario));
        return (server, true, connectionString);
    }

    private string NewPostgresDatabase() => new NpgsqlConnectionStringBuilder(options.PostgresServer
        ?? throw new InvalidOperationException("PostgreSQL scenarios need --postgres or CALLTRANSCRIPTION_BENCH_POSTGRES (bench/run.sh starts one)"))
    {
        Database = $"ct_bench_{Guid.NewGuid():N}"[..20],
        MaxPoolSize = 100,
        MaxAutoPrepare = 20,
    }.ConnectionString;

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
