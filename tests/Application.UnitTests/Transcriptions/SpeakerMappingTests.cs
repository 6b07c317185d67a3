using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Application.UnitTests.Transcriptions;

public class SpeakerMappingTests
{
    [Test]
    public void ShouldStoreUserAsDriver() => Assert.That(SpeakerMapping.Map("user"), Is.EqualTo(SpeakerType.Driver));

    [Test]
    public void ShouldStoreAgentAsAgent() => Assert.That(SpeakerMapping.Map("agent"), Is.EqualTo(SpeakerType.Agent));

    [TestCase("driver")]
    [TestCase("Agent")]
    [TestCase("USER")]
    [TestCase("")]
    [TestCase(" agent")]
    [TestCase(null)]
    public void ShouldRejectAnyOtherSpeaker(string? speaker) => Assert.That(SpeakerMapping.Map(speaker), Is.Null);
}
