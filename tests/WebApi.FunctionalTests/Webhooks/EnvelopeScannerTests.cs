using System.Text;
using CallTranscription.WebApi.Webhooks.PostCall;

namespace CallTranscription.WebApi.FunctionalTests.Webhooks;

/// <summary>The scanner on its own, fed bodies whole and one byte at a time: both must read the same.</summary>
public class EnvelopeScannerTests
{
    [TestCase("{\"type\":\"post_call_audio\",\"event_timestamp\":1767702345,\"data\":{\"full_audio\":\"AAAA\"}}", "post_call_audio",
        TestName = "ShouldReadTheTypeWrittenFirst")]
    [TestCase("{\"data\":{\"a\":[1,{\"b\":\"}]\\\"{\"}],\"type\":\"x\"},\"event_timestamp\":1.5e9,\"type\":\"post_call_audio\"}", "post_call_audio",
        TestName = "ShouldReadTheTypeWrittenLastPastNestedLookalikes")]
    [TestCase(" \r\n{ \"type\" : \"call_initiation_failure\" , \"event_timestamp\" : -1 , \"data\" : { } } \n", "call_initiation_failure",
        TestName = "ShouldAllowWhitespaceBetweenTokens")]
    [TestCase("{\"extra\":[true,false,null],\"type\":\"post_call_audio\",\"event_timestamp\":0,\"data\":{},\"more\":\"x\"}", "post_call_audio",
        TestName = "ShouldSkipOtherTopLevelFields")]
    [TestCase("{\"type\":\"poste_d\\u00e9j\\u00e0\",\"event_timestamp\":0,\"data\":{}}", null, TestName = "ShouldNotDecodeAnEscapedType")]
    public void ShouldReadAnEnvelope(string body, string? type)
    {
        foreach (var scanner in ScanWholeAndBytewise(body))
        {
            Assert.That(scanner.Type, Is.EqualTo(type));
            Assert.That(scanner.IsMalformed, Is.False);
            Assert.That(scanner.TypeIsUndecidable, Is.EqualTo(type is null));
            Assert.That(scanner.IsEnvelope, Is.EqualTo(type is not null));
        }
    }

    [TestCase("", TestName = "ShouldNotTakeNothingForAnEnvelope")]
    [TestCase("{\"type\":\"post_call_audio\",\"event_timestamp\":1,\"data\":{}", TestName = "ShouldNotTakeAnUnclosedObjectForAnEnvelope")]
    [TestCase("{\"type\":\"post_call_audio\",\"event_timestamp\":1,\"data\":{\"full_audio\":\"AAA", TestName = "ShouldNotTakeATruncatedStringForAnEnvelope")]
    [TestCase("{\"type\":\"post_call_audio\",\"event_timestamp\":1}", TestName = "ShouldRequireData")]
    [TestCase("{\"type\":\"post_call_audio\",\"event_timestamp\":1,\"data\":[]}", TestName = "ShouldRequireDataToBeAnObject")]
    [TestCase("{\"type\":\"post_call_audio\",\"event_timestamp\":\"1\",\"data\":{}}", TestName = "ShouldRequireANumericEventTimestamp")]
    [TestCase("{\"type\":\"post_call_audio\",\"type\":\"post_call_audio\",\"event_timestamp\":1,\"data\":{}}", TestName = "ShouldNotTakeTwoTypes")]
    [TestCase("{\"type\":\"post_call_audio\",\"event_timestamp\":1,\"data\":{}}{}", TestName = "ShouldNotTakeTwoValues")]
    public void ShouldNotTakeItForAnEnvelope(string body)
    {
        foreach (var scanner in ScanWholeAndBytewise(body))
        {
            Assert.That(scanner.IsEnvelope, Is.False);
        }
    }

    [TestCase("[]", TestName = "ShouldFindAnArrayMalformed")]
    [TestCase("\"post_call_audio\"", TestName = "ShouldFindAStringMalformed")]
    [TestCase("{\"type\" \"x\"}", TestName = "ShouldFindAMissingColonMalformed")]
    [TestCase("{\"type\":\"x\",,}", TestName = "ShouldFindADoubleCommaMalformed")]
    [TestCase("{\"data\":{\"a\":[}]}", TestName = "ShouldFindMismatchedBracketsMalformed")]
    [TestCase("{type:\"x\"}", TestName = "ShouldFindAnUnquotedKeyMalformed")]
    [TestCase("{\"type\":\"x\"} x", TestName = "ShouldFindTrailingTextMalformed")]
    public void ShouldFindItMalformed(string body)
    {
        foreach (var scanner in ScanWholeAndBytewise(body))
        {
            Assert.That(scanner.IsMalformed, Is.True);
            Assert.That(scanner.IsEnvelope, Is.False);
        }
    }

    [Test]
    public void ShouldRefuseNestingDeeperThanItsLimit()
    {
        var body = "{\"data\":" + new string('[', EnvelopeScanner.MaxDepth + 1) + new string(']', EnvelopeScanner.MaxDepth + 1) + "}";

        Assert.That(Scan(Encoding.UTF8.GetBytes(body)).IsMalformed, Is.True);
    }

    [Test]
    public void ShouldKnowTheTypeBeforeTheAudioEnds()
    {
        var scanner = new EnvelopeScanner();

        scanner.Feed(Encoding.UTF8.GetBytes("{\"type\":\"post_call_audio\",\"event_timestamp\":1,\"data\":{\"full_audio\":\"" + new string('A', 100_000)));

        Assert.That(scanner.Type, Is.EqualTo("post_call_audio"));
        Assert.That(scanner.IsEnvelope, Is.False, "not yet: the body has not ended");
    }

    [Test]
    public void ShouldTreatAnEscapedKeyAsAPossibleType()
    {
        var scanner = Scan(Encoding.UTF8.GetBytes("{\"typ\\u0065\":\"post_call_transcription\",\"event_timestamp\":1,\"data\":{}}"));

        Assert.That(scanner.Type, Is.Null);
        Assert.That(scanner.TypeIsUndecidable, Is.True);
    }

    private static IEnumerable<EnvelopeScanner> ScanWholeAndBytewise(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        yield return Scan(bytes);

        var bytewise = new EnvelopeScanner();
        foreach (var b in bytes)
        {
            bytewise.Feed([b]);
        }

        yield return bytewise;
    }

    private static EnvelopeScanner Scan(byte[] bytes)
    {
        var scanner = new EnvelopeScanner();
        scanner.Feed(bytes);
        return scanner;
    }
}
