using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.Infrastructure.Persistence.Configurations;

namespace CallTranscription.Infrastructure.UnitTests.Persistence;

public class StoredNamesTests
{
    [TestCase(CallStatus.InProgress, "in_progress")]
    [TestCase(CallStatus.Completed, "completed")]
    [TestCase(CallStatus.Failed, "failed")]
    public void ShouldStoreEachCallStatusAsTheContractSpellsIt(CallStatus status, string stored)
    {
        Assert.That(StoredNames.CallStatus.ConvertToProvider(status), Is.EqualTo(stored));
        Assert.That(StoredNames.CallStatus.ConvertFromProvider(stored), Is.EqualTo(status));
    }

    [TestCase(SpeakerType.Agent, "agent")]
    [TestCase(SpeakerType.Driver, "driver")]
    public void ShouldStoreEachSpeakerAsTheContractSpellsIt(SpeakerType speaker, string stored)
    {
        Assert.That(StoredNames.SpeakerType.ConvertToProvider(speaker), Is.EqualTo(stored));
        Assert.That(StoredNames.SpeakerType.ConvertFromProvider(stored), Is.EqualTo(speaker));
    }

    [TestCase("cancelled")]
    [TestCase("Completed")]
    [TestCase("")]
    public void ShouldFailLoudlyOnAnUnknownStoredCallStatus(string stored) =>
        Assert.That(() => StoredNames.CallStatus.ConvertFromProvider(stored),
            Throws.InvalidOperationException.With.Message.Contains("calls.status"));

    [TestCase("user")]
    [TestCase("Driver")]
    [TestCase("")]
    public void ShouldFailLoudlyOnAnUnknownStoredSpeaker(string stored) =>
        Assert.That(() => StoredNames.SpeakerType.ConvertFromProvider(stored),
            Throws.InvalidOperationException.With.Message.Contains("call_transcriptions.speaker_type"));

    [Test]
    public void ShouldRefuseToStoreAValueOutsideTheContract()
    {
        Assert.That(() => StoredNames.CallStatus.ConvertToProvider((CallStatus)9), Throws.InvalidOperationException);
        Assert.That(() => StoredNames.SpeakerType.ConvertToProvider((SpeakerType)9), Throws.InvalidOperationException);
    }
}
