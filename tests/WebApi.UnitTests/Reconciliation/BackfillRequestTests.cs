using CallTranscription.WebApi.Reconciliation;

namespace CallTranscription.WebApi.UnitTests.Reconciliation;

public class BackfillRequestTests
{
    [Test]
    public void ShouldTakeEveryConversationOfARepeatedOption()
    {
        var (request, problem) = BackfillRequest.Parse(["backfill", "--conversation", "conv_a", "--conversation=conv_b", "--Database:Provider", "Postgres"]);

        Assert.That(problem, Is.Null);
        Assert.That(request!.Conversations, Is.EqualTo(new[] { "conv_a", "conv_b" }));
        Assert.That(request.Since, Is.Null);
    }

    [Test]
    public void ShouldTakeADateAsUtcAndAnAgent()
    {
        var (request, problem) = BackfillRequest.Parse(["backfill", "--since", "2025-06-01", "--agent=agent_7"]);

        Assert.That(problem, Is.Null);
        Assert.That(request!.Since, Is.EqualTo(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(request.Agent, Is.EqualTo("agent_7"));
        Assert.That(request.Conversations, Is.Empty);
    }

    [TestCase(new string[0], "either --conversation")]
    [TestCase(new[] { "--conversation", "c1", "--since", "2025-06-01" }, "either --conversation")]
    [TestCase(new[] { "--since", "yesterday-ish" }, "not a date")]
    [TestCase(new[] { "--since" }, "not a date")]
    [TestCase(new[] { "--since", "--agent", "a1" }, "not a date")]
    [TestCase(new[] { "--conversation" }, "needs a conversation id")]
    [TestCase(new[] { "--conversation", "--since", "2025-06-01" }, "needs a conversation id")]
    [TestCase(new[] { "--conversation", "c1", "--agent", "a1" }, "--agent goes with --since")]
    public void ShouldRefuseACommandLineItCannotRun(string[] arguments, string problem)
    {
        var (request, refused) = BackfillRequest.Parse(["backfill", .. arguments]);

        Assert.That(request, Is.Null);
        Assert.That(refused, Does.Contain(problem));
    }
}
