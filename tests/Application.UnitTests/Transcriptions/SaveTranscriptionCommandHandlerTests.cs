using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Common.Interfaces;
using CallTranscription.Application.Transcriptions.SaveTranscription;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using MediatR;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CallTranscription.Application.UnitTests.Transcriptions;

public class SaveTranscriptionCommandHandlerTests
{
    private const string ConversationId = "conv_handler";
    private static readonly DateTimeOffset _now = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private Mock<ICallRepository> _calls = null!;
    private Mock<ITranscriptionRepository> _transcriptions = null!;
    private Mock<IDriverLookup> _drivers = null!;
    private Mock<IMediator> _mediator = null!;
    private InlineUnitOfWork _unitOfWork = null!;
    private SaveTranscriptionCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _calls = new Mock<ICallRepository>();
        _transcriptions = new Mock<ITranscriptionRepository>();
        _drivers = new Mock<IDriverLookup>();
        _mediator = new Mock<IMediator>();
        _unitOfWork = new InlineUnitOfWork();
        _handler = new SaveTranscriptionCommandHandler(
            _calls.Object, _transcriptions.Object, new CallStarter(_calls.Object, _drivers.Object, NullLogger<CallStarter>.Instance),
            _unitOfWork, new TranscriptionSavedPublisher(_mediator.Object, NullLogger<TranscriptionSavedPublisher>.Instance),
            new FixedTimeProvider(_now));
    }

    [Test]
    public async Task ShouldCreateCallOnFirstTurn()
    {
        _drivers.Setup(d => d.FindDriverIdByConversationIdAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(42);
        Call? created = null;
        _calls.Setup(c => c.Add(It.IsAny<Call>())).Callback<Call>(call => created = call);

        await _handler.Handle(Turn("user", "2026-11-21T15:59:00+02:00"), CancellationToken.None);

        Assert.That(created, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(created!.ConversationId, Is.EqualTo(ConversationId));
            Assert.That(created.DriverId, Is.EqualTo(42));
            Assert.That(created.CallStartTime, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 13, 59, 0, TimeSpan.Zero)));
            Assert.That(created.CallStartTime.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(created.Status, Is.EqualTo(CallStatus.InProgress));
            Assert.That(created.CreatedAt, Is.EqualTo(_now));
        });
    }

    [Test]
    public async Task ShouldStoreCallWithoutDriverWhenNoCallRecordExists()
    {
        Call? created = null;
        _calls.Setup(c => c.Add(It.IsAny<Call>())).Callback<Call>(call => created = call);

        await _handler.Handle(Turn("agent"), CancellationToken.None);

        Assert.That(created!.DriverId, Is.Null);
    }

    [Test]
    public async Task ShouldReuseTheCallOnLaterTurns()
    {
        StoredCall();
        _transcriptions.Setup(t => t.GetLastSequenceNumberAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var result = await _handler.Handle(Turn("agent"), CancellationToken.None);

        _calls.Verify(c => c.Add(It.IsAny<Call>()), Times.Never);
        _drivers.VerifyNoOtherCalls();
        Assert.That(result.SequenceNumber, Is.EqualTo(4));
    }

    [Test]
    public async Task ShouldNumberTheFirstTurnOne()
    {
        Transcription? stored = null;
        _transcriptions.Setup(t => t.Add(It.IsAny<Transcription>())).Callback<Transcription>(t => stored = t);

        var result = await _handler.Handle(Turn("agent"), CancellationToken.None);

        Assert.That(result.SequenceNumber, Is.EqualTo(1));
        Assert.That(stored!.SequenceNumber, Is.EqualTo(1));
        Assert.That(result.Replayed, Is.False);
    }

    [Test]
    public async Task ShouldStoreTheTurnAttributedAndInUtc()
    {
        Transcription? stored = null;
        _transcriptions.Setup(t => t.Add(It.IsAny<Transcription>())).Callback<Transcription>(t => stored = t);

        await _handler.Handle(Turn("user", "2026-11-21T08:30:00-05:00", "Yes, this is Sam."), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(stored!.SpeakerType, Is.EqualTo(SpeakerType.Driver));
            Assert.That(stored.MessageText, Is.EqualTo("Yes, this is Sam."));
            Assert.That(stored.Timestamp, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 13, 30, 0, TimeSpan.Zero)));
            Assert.That(stored.Timestamp.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(stored.ContentHash, Is.EqualTo(ContentHash.Of(ConversationId, new Turn(SpeakerType.Driver, "Yes, this is Sam.", stored.Timestamp))));
            Assert.That(_unitOfWork.SaveChangesCalls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ShouldReplayAStoredTurnWithoutWriting()
    {
        var stored = StoredIds.Assign(new Transcription
        {
            ConversationId = ConversationId, SpeakerType = SpeakerType.Agent, MessageText = "Hello",
            Timestamp = _now, SequenceNumber = 5, ContentHash = new string('a', 64), CreatedAt = _now,
        }, id: 412);
        _transcriptions.Setup(t => t.FindByContentHashAsync(ConversationId, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(stored);

        var result = await _handler.Handle(Turn("agent"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new SaveTranscriptionResult(412, 5, Replayed: true)));
        _transcriptions.Verify(t => t.Add(It.IsAny<Transcription>()), Times.Never);
        _calls.Verify(c => c.Add(It.IsAny<Call>()), Times.Never);
        _mediator.Verify(m => m.Publish(It.IsAny<TranscriptionSaved>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ShouldAnswerWithTheIdTheDatabaseAssigned()
    {
        Transcription? added = null;
        _transcriptions.Setup(t => t.Add(It.IsAny<Transcription>())).Callback<Transcription>(t => added = t);
        _unitOfWork.OnSaveChanges = () => StoredIds.Assign(added!, id: 77);

        var result = await _handler.Handle(Turn("agent"), CancellationToken.None);

        Assert.That(result.TranscriptionId, Is.EqualTo(77));
    }

    [Test]
    public async Task ShouldPublishTranscriptionSavedOnceStored()
    {
        _drivers.Setup(d => d.FindDriverIdByConversationIdAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(9);
        Transcription? added = null;
        _transcriptions.Setup(t => t.Add(It.IsAny<Transcription>())).Callback<Transcription>(t => added = t);
        _unitOfWork.OnSaveChanges = () => StoredIds.Assign(added!, id: 77);

        await _handler.Handle(Turn("user"), CancellationToken.None);

        _mediator.Verify(m => m.Publish(
            It.Is<TranscriptionSaved>(n => n.ConversationId == ConversationId && n.TranscriptionId == 77 && n.SequenceNumber == 1
                && n.Speaker == SpeakerType.Driver && n.DriverId == 9),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ShouldPublishTheDriverOfTheStoredCallOnLaterTurns()
    {
        StoredCall();

        await _handler.Handle(Turn("agent"), CancellationToken.None);

        _drivers.VerifyNoOtherCalls();
        _mediator.Verify(m => m.Publish(It.Is<TranscriptionSaved>(n => n.DriverId == 7), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ShouldStillSucceedWhenASubscriberFails()
    {
        _mediator.Setup(m => m.Publish(It.IsAny<TranscriptionSaved>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("subscriber broke"));

        var result = await _handler.Handle(Turn("agent"), CancellationToken.None);

        Assert.That(result.SequenceNumber, Is.EqualTo(1));
    }

    [Test]
    public async Task ShouldStillSucceedWhenASubscriberTimesOut()
    {
        // An HttpClient timeout in a subscriber: a TaskCanceledException, although the request was never cancelled.
        _mediator.Setup(m => m.Publish(It.IsAny<TranscriptionSaved>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."));

        var result = await _handler.Handle(Turn("agent"), CancellationToken.None);

        Assert.That(result.SequenceNumber, Is.EqualTo(1));
    }

    [Test]
    public void ShouldStopWhenTheRequestIsCancelledWhilePublishing()
    {
        using var request = new CancellationTokenSource();
        _mediator.Setup(m => m.Publish(It.IsAny<TranscriptionSaved>(), It.IsAny<CancellationToken>()))
            .Callback(request.Cancel)
            .ThrowsAsync(new OperationCanceledException(request.Token));

        Assert.ThrowsAsync<OperationCanceledException>(() => _handler.Handle(Turn("agent"), request.Token));
    }

    [Test]
    public async Task ShouldReplayALateTurnThatTheTranscriptAlreadyStored()
    {
        var fromTranscript = StoredTurn(SpeakerType.Driver, "Yes, it is fixed.", sequenceNumber: 4);
        EndedCallWith(StoredTurn(SpeakerType.Agent, "Is the brake light fixed?", sequenceNumber: 3), fromTranscript);

        var result = await _handler.Handle(Turn("user", message: " Yes, it is fixed. "), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new SaveTranscriptionResult(fromTranscript.Id, 4, Replayed: true)));
        _transcriptions.Verify(t => t.Add(It.IsAny<Transcription>()), Times.Never);
        _mediator.Verify(m => m.Publish(It.IsAny<TranscriptionSaved>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void ShouldRefuseALateTurnThatIsNotAmongTheStoredTurns()
    {
        EndedCallWith(StoredTurn(SpeakerType.Driver, "Yes, it is fixed.", sequenceNumber: 1));

        Assert.ThrowsAsync<CallEndedException>(() => _handler.Handle(Turn("agent", message: "Yes, it is fixed."), CancellationToken.None));
        _transcriptions.Verify(t => t.Add(It.IsAny<Transcription>()), Times.Never);
    }

    private void EndedCallWith(params Transcription[] stored)
    {
        StoredCall().Complete(_now.AddMinutes(-1), _now.AddMinutes(-1));
        _transcriptions.Setup(t => t.ListByConversationAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        _transcriptions.Setup(t => t.GetLastSequenceNumberAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(stored.Length);
    }

    private Call StoredCall()
    {
        var call = Call.StartedBy(ConversationId, driverId: 7, _now.AddMinutes(-3), _now.AddMinutes(-3));
        _calls.Setup(c => c.FindForUpdateAsync(ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(call);
        return call;
    }

    private static Transcription StoredTurn(SpeakerType speaker, string message, int sequenceNumber) => new()
    {
        ConversationId = ConversationId, SpeakerType = speaker, MessageText = message, Timestamp = _now.AddMinutes(-2),
        SequenceNumber = sequenceNumber, ContentHash = new string('b', 64), CreatedAt = _now.AddMinutes(-1),
    };

    private static SaveTranscriptionCommand Turn(string speaker, string timestamp = "2026-11-21T13:59:00Z", string message = "Hello") =>
        new(ConversationId, speaker, message, timestamp);
}
