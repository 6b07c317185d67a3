using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Calls.CompleteCall;
using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Application.Transcriptions.SaveTranscription;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using MediatR;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CallTranscription.Application.UnitTests.Calls;

public class CompleteCallCommandHandlerTests
{
    private const string ConversationId = "conv_post_call";
    private const long StartUnix = 1_795_269_600; // 2026-11-21T14:00:00Z
    private static readonly DateTimeOffset _start = DateTimeOffset.FromUnixTimeSeconds(StartUnix);
    private static readonly DateTimeOffset _now = _start.AddMinutes(3);

    private Mock<ICallRepository> _calls = null!;
    private Mock<ITranscriptionRepository> _transcriptions = null!;
    private Mock<IDriverLookup> _drivers = null!;
    private Mock<IMediator> _mediator = null!;
    private List<Transcription> _added = null!;
    private CompleteCallCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _calls = new Mock<ICallRepository>();
        _transcriptions = new Mock<ITranscriptionRepository>();
        _drivers = new Mock<IDriverLookup>();
        _mediator = new Mock<IMediator>();
        _added = [];
        _transcriptions.Setup(t => t.Add(It.IsAny<Transcription>())).Callback<Transcription>(_added.Add);
        _handler = new CompleteCallCommandHandler(
            _calls.Object, _transcriptions.Object, new CallStarter(_calls.Object, _drivers.Object, NullLogger<CallStarter>.Instance),
            new InlineUnitOfWork(), new TranscriptionSavedPublisher(_mediator.Object, NullLogger<TranscriptionSavedPublisher>.Instance),
            new FixedTimeProvider(_now), NullLogger<CompleteCallCommandHandler>.Instance);
    }

    [Test]
    public async Task ShouldCreateAndCompleteTheCallWhenNoTurnArrived()
    {
        _drivers.Setup(d => d.FindDriverIdByConversationIdAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(42);
        Call? created = null;
        _calls.Setup(c => c.Add(It.IsAny<Call>())).Callback<Call>(call => created = call);

        var result = await _handler.Handle(Transcript("done", durationSecs: 38), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(created!.DriverId, Is.EqualTo(42));
            Assert.That(created.CallStartTime, Is.EqualTo(_start));
            Assert.That(created.CallEndTime, Is.EqualTo(_start.AddSeconds(38)));
            Assert.That(created.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(created.UpdatedAt, Is.EqualTo(_now));
            Assert.That(result.CallStatus, Is.EqualTo(CallStatus.Completed));
            Assert.That(result.CallEnded, Is.True);
        });
    }

    [Test]
    public async Task ShouldFailTheCallWhenTheTranscriptSaysFailed()
    {
        var call = InProgressCall();

        var result = await _handler.Handle(Transcript("failed"), CancellationToken.None);

        Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
        Assert.That(result.CallStatus, Is.EqualTo(CallStatus.Failed));
    }

    [Test]
    public async Task ShouldStoreEveryTurnWithTextInOrder()
    {
        var result = await _handler.Handle(Transcript("done"), CancellationToken.None);

        Assert.That(_added.Select(t => (t.SequenceNumber, t.SpeakerType, t.MessageText, t.Timestamp)), Is.EqualTo(new[]
        {
            (1, SpeakerType.Agent, "Hi Mike, this is the safety desk.", _start),
            (2, SpeakerType.Driver, "Yeah, go ahead.", _start.AddSeconds(5)),
            (3, SpeakerType.Agent, "Is the brake light fixed?", _start.AddSeconds(9)),
        }));
        Assert.That(_added.Select(t => t.ContentHash).Distinct().Count(), Is.EqualTo(3));
        Assert.That(result.TurnsStored, Is.EqualTo(3));
    }

    [Test]
    public async Task ShouldNumberAppendedTurnsAfterTheLastStoredTurn()
    {
        InProgressCall(StoredTurn(1, SpeakerType.Agent, "Hi Mike, this is the safety desk."));

        var result = await _handler.Handle(Transcript("done"), CancellationToken.None);

        Assert.That(_added.Select(t => (t.SequenceNumber, t.MessageText)), Is.EqualTo(new[] { (2, "Yeah, go ahead."), (3, "Is the brake light fixed?") }));
        Assert.That((result.TurnsStored, result.TurnsAlreadyStored), Is.EqualTo((2, 1)));
    }

    [Test]
    public async Task ShouldReportTheEntriesItCouldNotPlace()
    {
        InProgressCall(StoredTurn(1, SpeakerType.Agent, "Hi Mike, this is the safety desk."), StoredTurn(2, SpeakerType.Agent, "Is the brake light fixed?"));

        var result = await _handler.Handle(Transcript("done"), CancellationToken.None);

        Assert.That(_added, Is.Empty);
        Assert.That(result.UnplacedEntries, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public async Task ShouldPublishTranscriptionSavedForEachTurnStored()
    {
        _drivers.Setup(d => d.FindDriverIdByConversationIdAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(9);

        await _handler.Handle(Transcript("done"), CancellationToken.None);

        foreach (var (sequenceNumber, speaker) in new[] { (1, SpeakerType.Agent), (2, SpeakerType.Driver), (3, SpeakerType.Agent) })
        {
            _mediator.Verify(m => m.Publish(
                It.Is<TranscriptionSaved>(n => n.ConversationId == ConversationId && n.SequenceNumber == sequenceNumber
                    && n.Speaker == speaker && n.DriverId == 9),
                It.IsAny<CancellationToken>()), Times.Once);
        }

        _mediator.VerifyNoOtherCalls();
    }

    [Test]
    public async Task ShouldPublishNothingWhenEveryTurnWasStored()
    {
        InProgressCall(
            StoredTurn(1, SpeakerType.Agent, "Hi Mike, this is the safety desk."),
            StoredTurn(2, SpeakerType.Driver, "Yeah, go ahead."),
            StoredTurn(3, SpeakerType.Agent, "Is the brake light fixed?"));

        var result = await _handler.Handle(Transcript("done"), CancellationToken.None);

        _mediator.VerifyNoOtherCalls();
        Assert.That((result.TurnsStored, result.TurnsAlreadyStored), Is.EqualTo((0, 3)));
    }

    [Test]
    public async Task ShouldKeepAFailedCallFailedAndStillStoreTheTranscript()
    {
        var call = InProgressCall();
        call.Fail(_start.AddSeconds(2), _start.AddSeconds(2));

        var result = await _handler.Handle(Transcript("done"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Failed));
            Assert.That(call.CallEndTime, Is.EqualTo(_start.AddSeconds(2)));
            Assert.That(result.CallEnded, Is.False);
            Assert.That(result.TurnsStored, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task ShouldStillSucceedWhenASubscriberFails()
    {
        _mediator.Setup(m => m.Publish(It.IsAny<TranscriptionSaved>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("subscriber broke"));

        var result = await _handler.Handle(Transcript("done"), CancellationToken.None);

        Assert.That(result.TurnsStored, Is.EqualTo(3));
        _mediator.Verify(m => m.Publish(It.IsAny<TranscriptionSaved>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    private Call InProgressCall(params Transcription[] stored)
    {
        var call = Call.StartedBy(ConversationId, 7, _start.AddSeconds(1), _start.AddSeconds(1));
        _calls.Setup(c => c.FindForUpdateAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(call);
        _transcriptions.Setup(t => t.ListByConversationAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        return call;
    }

    private static CompleteCallCommand Transcript(string status, double durationSecs = 38) => new(
        ConversationId,
        status,
        StartUnix,
        durationSecs,
        [
            new TranscriptEntry("agent", "Hi Mike, this is the safety desk.", 0),
            new TranscriptEntry("user", "Yeah, go ahead.", 5),
            new TranscriptEntry("agent", null, 7),
            new TranscriptEntry("agent", "Is the brake light fixed?", 9),
        ]);

    private static Transcription StoredTurn(int sequenceNumber, SpeakerType speaker, string message) => new()
    {
        ConversationId = ConversationId, SpeakerType = speaker, MessageText = message, Timestamp = _start.AddSeconds(sequenceNumber * 4),
        SequenceNumber = sequenceNumber, ContentHash = new string('d', 64), CreatedAt = _start,
    };
}
