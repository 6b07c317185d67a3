using System.Collections.Concurrent;
using System.Globalization;
using CallTranscription.Infrastructure.Persistence;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using Npgsql;

namespace CallTranscription.WebApi.FunctionalTests.Faults;

/// <summary>
/// Real PostgreSQL, stopped and restarted under load; duplicate storms; two service instances on one database.
/// Each test ends with the audit: every acknowledged turn stored exactly once, every conversation numbered 1..n. The
/// cluster, its database and the two instances serve the whole suite; the database is emptied before each test.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public class FaultSuiteTests
{
    private OwnPostgresCluster _cluster = null!;
    private PostgresTestDatabase _database = null!;
    private CallTranscriptionApiFactory _instanceA = null!;
    private CallTranscriptionApiFactory _instanceB = null!;

    [OneTimeSetUp]
    public async Task StartClusterAndTwoInstancesAsync()
    {
        _cluster = await OwnPostgresCluster.StartAsync(LoopbackPort.Free());
        _database = PostgresTestDatabase.CreateOn(_cluster.ServerConnectionString);
        _instanceA = Instance("instance-a");
        _instanceB = Instance("instance-b");
        _instanceA.CreateClient().Dispose(); // starts A, which applies the migrations before B starts
        _instanceB.CreateClient().Dispose();
    }

    [SetUp]
    public async Task ResetDatabaseAsync()
    {
        // A restart of the server leaves the pools' connections broken; the next test starts with fresh ones.
        NpgsqlConnection.ClearAllPools();
        await _database.ResetAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_instanceA is not null)
        {
            await _instanceA.DisposeAsync();
            await _instanceB.DisposeAsync();
            await _database.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Test]
    public async Task ShouldKeepEveryAcknowledgedTurnWhileTheDatabaseRestarts()
    {
        const int conversations = 16, turnsEach = 12;
        var sender = new RetryingSender();
        var acknowledged = new ConcurrentBag<AcknowledgedTurn>();
        using var clientA = _instanceA.CreateClient();
        using var clientB = _instanceB.CreateClient();

        var traffic = Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
        {
            for (var t = 1; t <= turnsEach; t++)
            {
                var client = (c + t) % 2 == 0 ? clientA : clientB;
                acknowledged.Add(await sender.DeliverAsync(client, TurnOf($"conv_restart_{c}", t)));
                await Task.Delay(20);
            }
        }));

        await WaitUntilAsync(() => acknowledged.Count >= conversations * turnsEach / 4);
        await _cluster.StopAsync();
        var acknowledgedBeforeOutage = acknowledged.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _cluster.ResumeAsync();
        await traffic;

        Assert.That(acknowledgedBeforeOutage, Is.LessThan(conversations * turnsEach), "the outage happened mid-stream");
        Assert.That(sender.Retries, Is.GreaterThan(0), "the outage made the sender retry");
        Assert.That(acknowledged, Has.Count.EqualTo(conversations * turnsEach));
        await AuditAsync(acknowledged);
    }

    [Test]
    public async Task ShouldStoreDuplicateDeliveryStormsOnce()
    {
        const int conversations = 12, turnsEach = 8, copies = 4;
        var sender = new RetryingSender();
        var acknowledged = new ConcurrentBag<AcknowledgedTurn>();
        using var clientA = _instanceA.CreateClient();
        using var clientB = _instanceB.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
        {
            for (var t = 1; t <= turnsEach; t++)
            {
                var turn = TurnOf($"conv_storm_{c}", t);
                var answers = await Task.WhenAll(Enumerable.Range(0, copies).Select(i => sender.DeliverAsync(i % 2 == 0 ? clientA : clientB, turn)));
                Assert.That(answers.Distinct().Count(), Is.EqualTo(1), "every copy answers with the same ids");
                acknowledged.Add(answers[0]);
            }
        }));

        await AuditAsync(acknowledged);
    }

    [Test]
    public async Task ShouldNumberOverlappingTurnsGaplesslyAcrossTwoInstances()
    {
        const int conversations = 6, turnsEach = 20;
        var sender = new RetryingSender();
        var acknowledged = new ConcurrentBag<AcknowledgedTurn>();
        using var clientA = _instanceA.CreateClient();
        using var clientB = _instanceB.CreateClient();

        await Task.WhenAll(
            from c in Enumerable.Range(0, conversations)
            from t in Enumerable.Range(1, turnsEach)
            select Task.Run(async () => acknowledged.Add(await sender.DeliverAsync(t % 2 == 0 ? clientA : clientB, TurnOf($"conv_overlap_{c}", t)))));

        Assert.That(acknowledged, Has.Count.EqualTo(conversations * turnsEach));
        await AuditAsync(acknowledged);
    }

    private CallTranscriptionApiFactory Instance(string name) => new(
        _database,
        new Dictionary<string, string?>
        {
            // A separate connection pool per instance, as two processes would have.
            ["ConnectionStrings:Default"] = _database.ConnectionString + $";Timeout=3;Application Name={name}",
            ["Database:Retry:BaseDelay"] = "00:00:00.050",
        });

    private static Dictionary<string, object?> TurnOf(string conversationId, int turn) => new()
    {
        ["conversation_id"] = conversationId,
        ["speaker"] = turn % 2 == 1 ? "agent" : "user",
        ["message"] = $"{conversationId} turn {turn}",
        ["timestamp"] = DateTimeOffset.UtcNow.AddSeconds(turn - 100).ToString("O", CultureInfo.InvariantCulture),
    };

    private async Task AuditAsync(IReadOnlyCollection<AcknowledgedTurn> acknowledged)
    {
        await using var scope = _instanceA.Services.CreateAsyncScope();
        await StoredTurnsAssertions.AssertExactlyOnceAndGaplessAsync(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), acknowledged);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
