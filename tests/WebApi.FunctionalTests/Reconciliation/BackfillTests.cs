using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.FunctionalTests.Operations;
using CallTranscription.WebApi.Reconciliation;
using CallTranscription.WebApi.Startup;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.Reconciliation;

/// <summary>`backfill`: conversations of any age, by id or by date, through the reconciler's path.</summary>
public class BackfillTests(DatabaseKind kind) : ReconciliationTestBase(kind)
{
    [Test]
    public async Task ShouldStoreConversationsByIdOfAnyAgeWithTheirRealTimes()
    {
        var old = NewConversationId();
        var placed = NewConversationId();
        var twoYearsAgo = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddYears(-2).ToUnixTimeSeconds());
        var driverId = await PlaceCallAsync(placed, TimeSpan.FromMinutes(1));
        Api.Serve(old, Answer.Ok(FakeConversationsApi.Conversation(old, twoYearsAgo, Conversation)));
        Api.Serve(placed, Answer.Ok(Done(placed)));

        var (exit, output) = await BackfillAsync("--conversation", old, "--conversation", placed, "--conversation", old);
        var (again, repeated) = await BackfillAsync("--conversation", old, "--conversation", placed);

        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
        Assert.That(output, Does.Contain($"{old}  stored  call completed, {Turns.Length} turns stored"));
        Assert.That(output, Does.Contain($"{placed}  stored  call completed"));
        Assert.That(output, Does.EndWith($"backfill done: 2 stored, 0 already complete, 0 failed, 0 skipped{Environment.NewLine}"));
        var call = await StoredCallAsync(old);
        Assert.That(call.CallStartTime, Is.EqualTo(twoYearsAgo));
        Assert.That(call.CallEndTime, Is.EqualTo(twoYearsAgo.AddSeconds(38)));
        Assert.That(call.DriverId, Is.Null, "no call record: stored without a driver");
        Assert.That((await StoredCallAsync(placed)).DriverId, Is.EqualTo(driverId));
        Assert.That(await StoredConversationAsync(old), Is.EqualTo(Numbered(Turns)));
        Assert.That(again, Is.EqualTo(ExitCodes.Success));
        Assert.That(repeated, Does.Contain($"{old}  already complete  call completed").And.Contain("0 stored, 2 already complete, 0 failed, 0 skipped"));
        Assert.That(Api.Requests(old), Has.Count.EqualTo(2), "once a run: a repeated id is fetched once");
    }

    [Test]
    public async Task ShouldPageThroughConversationsSinceADateForAnAgent()
    {
        var first = NewConversationId();
        var processing = NewConversationId();
        var second = NewConversationId();
        var unknown = NewConversationId();
        Api.ServeList(
            FakeConversationsApi.Page(0, hasMore: true, (first, "done"), (processing, "processing")),
            FakeConversationsApi.Page(1, hasMore: false, (second, "done"), (unknown, "done")));
        Api.Serve(first, Answer.Ok(Done(first)));
        Api.Serve(second, Answer.Ok(Done(second, Conversation, "failed")));
        var since = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var (exit, output) = await BackfillAsync("--since", "2025-06-01", "--agent", "agent_01jx3k9q7a2b3c4d5e6f7g8h9");

        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
        Assert.That(output, Does.Contain($"{processing}  skipped  ElevenLabs says processing"));
        Assert.That(output, Does.Contain($"{second}  stored  call failed"));
        Assert.That(output, Does.Contain($"{unknown}  skipped  ElevenLabs does not know it (404)"));
        Assert.That(output, Does.EndWith($"backfill done: 2 stored, 0 already complete, 0 failed, 2 skipped{Environment.NewLine}"));
        var pages = Api.ListRequests();
        Assert.That(pages, Has.Count.EqualTo(2));
        Assert.That(pages.Select(p => p.RequestMessage.Query!["call_start_after_unix"].ToString()), Is.All.EqualTo(since.ToUnixTimeSeconds().ToString()));
        Assert.That(pages.Select(p => p.RequestMessage.Query!["agent_id"].ToString()), Is.All.EqualTo("agent_01jx3k9q7a2b3c4d5e6f7g8h9"));
        Assert.That(pages[1].RequestMessage.Query!["cursor"].ToString(), Is.EqualTo("page-1"));
        Assert.That(Api.Requests(processing), Is.Empty, "not fetched: the list says it has not ended");
        Assert.That((await StoredCallAsync(first)).Status, Is.EqualTo(CallStatus.Completed));
        Assert.That((await StoredCallAsync(second)).Status, Is.EqualTo(CallStatus.Failed));
    }

    [Test]
    public async Task ShouldKeepWhatItStoredAndSaySoWhenInterrupted()
    {
        var first = NewConversationId();
        var second = NewConversationId();
        Api.Serve(first, Answer.Ok(Done(first)));
        Api.Serve(second, Answer.Ok(Done(second), delay: TimeSpan.FromSeconds(3)));
        using var interrupt = new CancellationTokenSource();

        var backfill = BackfillAsync(interrupt.Token, "--conversation", first, "--conversation", second);
        while (!await QueryAsync(db => db.Calls.AnyAsync(c => c.ConversationId == first)) && !backfill.IsCompleted)
        {
            await Task.Delay(10);
        }

        await interrupt.CancelAsync();
        var (exit, output) = await backfill;

        Assert.That(exit, Is.EqualTo(BackfillExitCodes.Interrupted), output);
        Assert.That(output, Does.EndWith($"backfill interrupted: 1 stored, 0 already complete, 0 failed, 0 skipped{Environment.NewLine}"));
        Assert.That((await StoredCallAsync(first)).Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(await QueryAsync(db => db.Calls.AnyAsync(c => c.ConversationId == second)), Is.False);
    }

    [Test]
    public async Task ShouldSayHowFarItGotWhenTheDatabaseFailsHalfway()
    {
        var first = NewConversationId();
        var second = NewConversationId();
        Api.Serve(first, Answer.Ok(Done(first)));
        Api.Serve(second, Answer.Ok(Done(second)));
        await BackfillAsync("--conversation", first);
        var faults = new WriteFaults();
        await using var instance = CreateInstance(configure: services => faults.AddTo(services, Database.Provider));
        faults.FailInserts(_ => new InvalidOperationException("The disk is full."));
        var (request, _) = BackfillRequest.Parse(["backfill", "--conversation", first, "--conversation", second]);
        await using var output = new StringWriter();

        var thrown = Assert.CatchAsync(() => Backfill.RunAsync(instance.Services, request!, output, CancellationToken.None));

        Assert.That(thrown!.GetBaseException().Message, Is.EqualTo("The disk is full."), "the failure goes on to its exit code");
        Assert.That(output.ToString(), Does.Contain($"{first}  already complete"));
        Assert.That(output.ToString(), Does.Match(@"backfill stopped: \w+\. Until then: 0 stored, 1 already complete, 0 failed, 0 skipped\.\s*$"));
        Assert.That(await QueryAsync(db => db.Calls.AnyAsync(c => c.ConversationId == second)), Is.False, "nothing of the failed conversation");
    }

    private Task<(int Exit, string Output)> BackfillAsync(params string[] arguments) => BackfillAsync(CancellationToken.None, arguments);

    private async Task<(int Exit, string Output)> BackfillAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var (request, problem) = BackfillRequest.Parse(["backfill", .. arguments]);
        Assert.That(problem, Is.Null);
        await using var output = new StringWriter();
        var exit = await Backfill.RunAsync(Reconciler.Services, request!, output, cancellationToken);
        return (exit, output.ToString());
    }
}

/// <summary>`backfill` run as an operator runs it, when the API refuses the key or cannot be reached.</summary>
public class BackfillCommandTests
{
    [Test]
    public async Task ShouldExitWithItsOwnCodesWhenTheApiRefusesOrCannotBeReached()
    {
        using var api = new FakeConversationsApi();
        await using var database = new SqliteTestDatabase();
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Database__MigrateOnStartup"] = "true",
            ["ElevenLabs__ApiKey"] = "xi_wrong_key_0b6d2f",
            ["ElevenLabs__ApiBaseUrl"] = api.Url,
        };

        var refused = await StartupTests.RunToExitAsync(BackfillExitCodes.ApiKeyRefused, environment, "backfill", "--conversation", "conv_1");
        environment["ElevenLabs__ApiBaseUrl"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var unreachable = await StartupTests.RunToExitAsync(BackfillExitCodes.ApiUnavailable, environment, "backfill", "--since", "2025-06-01");

        Assert.That(refused, Does.Contain("refuses ElevenLabs:ApiKey").And.Not.Contain("xi_wrong_key_0b6d2f"));
        Assert.That(unreachable, Does.Contain("cannot be reached"));
        Assert.That(refused + unreachable, Does.Not.Contain("Now listening"));
    }
}
