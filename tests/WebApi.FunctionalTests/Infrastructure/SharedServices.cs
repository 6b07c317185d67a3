namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>The service on one database of a kind, started once for every suite of the assembly that shares it.</summary>
public sealed record SharedService(TestDatabase Database, CallTranscriptionApiFactory Factory, HttpClient Client, WriteFaults Faults);

/// <summary>
/// One host per database kind for the whole assembly, as jasontaylordev's Testing.cs has it: starting a host and
/// migrating a database costs more than most suites' tests together. Suites empty the database before each test
/// (Respawn), so sharing one leaks nothing between them; NUnit runs the suites that share it one at a time (only suites
/// with a process, a cluster or no service of their own are Parallelizable, and run alongside each other). Its
/// database retries are 10 ms apart, and its write faults (<see cref="WriteFaults"/>) wait disarmed for the tests of
/// what a failed write does.
/// </summary>
public static class SharedServices
{
    /// <summary>The post-call webhook's secret in the shared service; the per-turn webhook stays public.</summary>
    public const string PostCallSecret = "wsec_post_call_8d41e0a9c3";

    private static readonly Dictionary<DatabaseKind, Task<SharedService>> _started = [];

    public static Task<SharedService> ForAsync(DatabaseKind kind)
    {
        lock (_started)
        {
            if (!_started.TryGetValue(kind, out var service))
            {
                service = StartAsync(kind);
                _started[kind] = service;
            }

            return service;
        }
    }

    public static async Task StopAllAsync()
    {
        Task<SharedService>[] started;
        lock (_started)
        {
            started = [.. _started.Values];
            _started.Clear();
        }

        foreach (var task in started.Where(t => t.IsCompletedSuccessfully))
        {
            var service = task.Result;
            service.Client.Dispose();
            await service.Factory.DisposeAsync();
            await service.Database.DisposeAsync();
        }
    }

    private static async Task<SharedService> StartAsync(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var faults = new WriteFaults();
        var factory = new CallTranscriptionApiFactory(
            database,
            new Dictionary<string, string?> { ["ElevenLabs:PostCallWebhookSecret"] = PostCallSecret, ["Database:Retry:BaseDelay"] = "00:00:00.010" },
            services => faults.AddTo(services, database.Provider));
        return new SharedService(database, factory, factory.CreateClient(), faults);
    }
}
