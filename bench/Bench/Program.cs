using CallTranscription.Bench;
using CallTranscription.Bench.References;
using CallTranscription.Bench.Reporting;
using CallTranscription.Bench.Servers;
using Npgsql;

// bench run [options]                                  the benchmark (bench/run.sh; options in Options.cs)
// bench sqlite-reference-server --db FILE --urls URL   (started by `run`) the raw SQLite reference
// bench postgres-reference-server --connection CS --urls URL   (started by `run`) the raw Npgsql reference
// bench otlp-sink --urls URL                           an OTLP/HTTP endpoint that drops what it receives (Servers/OtlpSink.cs)
switch (args.FirstOrDefault())
{
    case "sqlite-reference-server":
        using (var store = new SqliteTurnStore(Options.Value(args, "--db") ?? throw new ArgumentException("--db is required")))
        {
            await ReferenceHost.RunAsync(store, args[1..]);
        }

        return 0;
    case "postgres-reference-server":
        await using (var dataSource = NpgsqlDataSource.Create(Options.Value(args, "--connection") ?? throw new ArgumentException("--connection is required")))
        {
            await ReferenceHost.RunAsync(new PostgresTurnStore(dataSource), args[1..]);
        }

        return 0;
    case "otlp-sink":
        await OtlpSink.RunAsync(args[1..]);
        return 0;
    case "run":
        var options = Options.Parse(args[1..]);
        var results = await new BenchRunner(options).RunAsync();
        Report.Print(results, Comparison.Of(results, BenchServers.Pairs), options);
        return results.All(r => r.Passed) ? 0 : 1;
    default:
        Console.Error.WriteLine("usage: bench run [--scenarios ...] [--loads ...] [--rounds N] ... (see bench/run.sh and Options.cs)");
        return 2;
}
