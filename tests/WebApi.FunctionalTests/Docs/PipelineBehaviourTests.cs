using System.Net;
using Acme.Compliance;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using MediatR;

namespace CallTranscription.WebApi.FunctionalTests.Docs;

/// <summary>
/// docs/extending.md's pipeline behaviour in the real host: behaviours run in the order they are registered, so one
/// added after AddApplication runs inside validation and sees only valid commands, and one added before runs around it.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class PipelineBehaviourTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    private static readonly Type _behaviour = typeof(LogCommandDuration<,>);

    [Test]
    public async Task ShouldRunAfterValidationWhenAddedAfterTheApplication()
    {
        await using var factory = Host(services => services.AddTransient(typeof(IPipelineBehavior<,>), _behaviour));
        using var client = factory.CreateClient();

        var invalid = await PostTurnAsync(Turn("conv_behaviour", message: "   "), client);
        var afterInvalid = CommandsLogged(factory);
        var stored = await PostTurnAsync(Turn("conv_behaviour"), client);
        var ended = await PostCallAsync(TranscriptOf("conv_behaviour"), client: client);

        Assert.Multiple(() =>
        {
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(afterInvalid, Is.Empty, "validation refused the command before the behaviour saw it");
            Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(CommandsLogged(factory), Is.EqualTo(new[] { "SaveTranscriptionCommand", "CompleteCallCommand" }));
        });
    }

    [Test]
    public async Task ShouldRunAroundValidationWhenAddedBeforeTheApplication()
    {
        await using var factory = Host(services => services.Insert(0, ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), _behaviour)));
        using var client = factory.CreateClient();

        var invalid = await PostTurnAsync(Turn("conv_behaviour", message: "   "), client);

        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(CommandsLogged(factory), Is.EqualTo(new[] { "SaveTranscriptionCommand" }), "the behaviour saw the command validation refused");
    }

    private CallTranscriptionApiFactory Host(Action<IServiceCollection> addBehaviour) =>
        new(Database, new Dictionary<string, string?> { ["ElevenLabs:PostCallWebhookSecret"] = PostCallSecret }, addBehaviour);

    private static string?[] CommandsLogged(CallTranscriptionApiFactory factory) =>
        factory.Logs.Entries
            .Where(e => e.Category.StartsWith("Acme.Compliance.LogCommandDuration", StringComparison.Ordinal))
            .Select(e => e.Fields["Command"]?.ToString())
            .ToArray();
}
