using CallTranscription.Bench;

// bench run [--scenarios sqlite,sqlite16,postgres-reference,postgres,long] [--conversations 64]
//           [--duration 15] [--early-warmup 3] [--warmup 20] [--rounds 1]
//           [--long-turns 20000] [--postgres "Host=...;Username=...;Database=postgres"] [--out DIR]
// bench postgres-reference-server --connection CS --urls URL   (started by `run`; the raw Npgsql reference)
if (args.Length > 0 && args[0] == "postgres-reference-server")
{
    await PostgresReferenceServer.RunAsync(Options.Value(args, "--connection") ?? throw new ArgumentException("--connection is required"), args[1..]);
    return 0;
}

if (args.Length == 0 || args[0] != "run")
{
    Console.Error.WriteLine("usage: bench run [--scenarios ...] (see bench/run.sh)");
    return 2;
}

var options = Options.Parse(args[1..]);
var results = await new BenchRunner(options).RunAsync();
Report.Print(results, options);
return results.All(r => r.Audit.StartsWith("ok", StringComparison.Ordinal) && r.NonSuccess == 0) ? 0 : 1;
