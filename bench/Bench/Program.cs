using CallTranscription.Bench;

// bench run [--scenarios ceiling,ceiling-checkpointer,sqlite,ceiling16,sqlite16,long,postgres] [--conversations 64] [--duration 15] [--warmup 20]
//           [--long-turns 20000] [--postgres "Host=...;Username=...;Database=postgres"] [--out DIR]
// bench ceiling-server --db FILE --urls URL      (started by `run`; the raw ADO.NET reference)
// bench statements                              (one turn's SQLite statements: EF Core as the service runs them vs ADO.NET)
if (args.Length > 0 && args[0] == "ceiling-server")
{
    await CeilingServer.RunAsync(Options.Value(args, "--db") ?? throw new ArgumentException("--db is required"), args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "statements")
{
    await StatementCost.RunAsync();
    return 0;
}

if (args.Length == 0 || args[0] != "run")
{
    Console.Error.WriteLine("usage: bench run [--scenarios ...] | bench ceiling-server --db FILE --urls URL (see bench/run.sh)");
    return 2;
}

var options = Options.Parse(args[1..]);
var results = await new BenchRunner(options).RunAsync();
Report.Print(results, options);
return results.All(r => r.Audit.StartsWith("ok", StringComparison.Ordinal) && r.NonSuccess == 0) ? 0 : 1;
