using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Calls.FailCall;
using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Domain.Calls;
using CallTranscription.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CallTranscription.Application.UnitTests.Calls;

public class FailCallCommandHandlerTests
{
    private const string ConversationId = "conv_busy";
    private const long EventUnix = 1_795_269_600;
    private static readonly DateTimeOffset _eventTime = DateTimeOffset.FromUnixTimeSeconds(EventUnix);
    private static readonly DateTimeOffset _now = _eventTime.AddSeconds(2);

    private Mock<ICallRepository> _calls = null!;
    private Mock<IDriverLookup> _drivers = null!;
    private FailCallCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _calls = new Mock<ICallRepository>();
        _drivers = new Mock<IDriverLookup>();
        _handler = new FailCallCommandHandler(
            _calls.Object, new CallStarter(_calls.Object, _drivers.Object, NullLogger<CallStarter>.Instance), new InlineUnitOfWork(),
            new FixedTimeProvider(_now), NullLogger<FailCallCommandHandler>.Instance);
    }

    [Test]
    public async Task ShouldCreateAFailedCallStartingAtTheEventTime()
    {
        _drivers.Setup(d => d.FindDriverIdByConversationIdAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(5);
        Call? created = null;
        _calls.Setup(c => c.Add(It.IsAny<Call>())).Callback<Call>(call => created = call);

        var result = await _handler.Handle(new FailCallCommand(ConversationId, "busy", EventUnix), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(created!.DriverId, Is.EqualTo(5));
            Assert.That(created.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(created.CallStartTime, Is.EqualTo(_eventTime));
            Assert.That(created.CallEndTime, Is.EqualTo(_eventTime));
            Assert.That(result, Is.EqualTo(new FailCallResult(ConversationId, CallStatus.Failed, CallEnded: true, CallStarted: true)));
        });
    }

    [Test]
    public async Task ShouldFailACallInProgress()
    {
        var call = Existing();

        var result = await _handler.Handle(new FailCallCommand(ConversationId, "no-answer", EventUnix), CancellationToken.None);

        Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
        Assert.That((result.CallEnded, result.CallStarted), Is.EqualTo((true, false)));
        _calls.Verify(c => c.Add(It.IsAny<Call>()), Times.Never);
    }

    [Test]
    public async Task ShouldLeaveACompletedCallCompleted()
    {
        var call = Existing();
        call.Complete(_eventTime.AddSeconds(-10), _eventTime.AddSeconds(-10));

        var result = await _handler.Handle(new FailCallCommand(ConversationId, "unknown", EventUnix), CancellationToken.None);

        Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
        Assert.That(result, Is.EqualTo(new FailCallResult(ConversationId, CallStatus.Completed, CallEnded: false)));
    }

    private Call Existing()
    {
        var call = Call.StartedBy(ConversationId, 5, _eventTime.AddMinutes(-1), _eventTime.AddMinutes(-1));
        _calls.Setup(c => c.FindForUpdateAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(call);
        return call;
    }

    [TestCase("busy", "(busy)")]
    [TestCase("no-answer", "(no-answer)")]
    [TestCase("SIP 486 from +15550104477", "(reason not shown)")]
    public async Task ShouldLogAFailureReasonOnlyWhenItIsAPlainWord(string reason, string logged)
    {
        var logger = new RecordingLogger<FailCallCommandHandler>();
        var handler = new FailCallCommandHandler(
            _calls.Object, new CallStarter(_calls.Object, _drivers.Object, NullLogger<CallStarter>.Instance), new InlineUnitOfWork(),
            new FixedTimeProvider(_now), logger);
        Existing();

        await handler.Handle(new FailCallCommand(ConversationId, reason, EventUnix), CancellationToken.None);

        Assert.That(logger.Entries.Single().Message, Does.Contain(logged).And.Not.Contain("+1555"));
    }
}
