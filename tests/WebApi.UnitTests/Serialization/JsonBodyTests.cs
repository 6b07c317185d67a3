using System.Text;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Serialization;
using CallTranscription.WebApi.Webhooks;
using CallTranscription.WebApi.Webhooks.PostCall;
using Microsoft.AspNetCore.Http;

namespace CallTranscription.WebApi.UnitTests.Serialization;

/// <summary>
/// Both webhooks' bodies through the source-generated contract: what is read, and the words of every refusal (a 400
/// naming the field and the position, never the parser's own text). The HTTP tests' hostile-input corpus sends the same
/// kinds of body through the whole pipeline.
/// </summary>
public class JsonBodyTests
{
    private const string Turn = "{\"conversation_id\":\"conv_1\",\"speaker\":\"user\",\"message\":\"Hi\",\"timestamp\":\"2026-11-21T14:03:07Z\"}";

    [Test]
    public void ShouldReadATurn()
    {
        var read = ReadTurn(Turn);

        Assert.That(read, Is.EqualTo(new TranscriptionRequest("conv_1", "user", "Hi", "2026-11-21T14:03:07Z")));
    }

    [Test]
    public void ShouldLeaveAMissingOrNullFieldToTheValidator()
    {
        var read = ReadTurn("{\"conversation_id\":null,\"speaker\":\"user\"}");

        Assert.That((read.ConversationId, read.Message, read.Timestamp), Is.EqualTo(((string?)null, (string?)null, (string?)null)));
    }

    [Test]
    public void ShouldIgnoreUnknownFields() =>
        Assert.That(ReadTurn(Turn[..^1] + ",\"confidence\":0.97,\"metadata\":{\"language\":\"en\"}}").Message, Is.EqualTo("Hi"));

    [Test]
    public void ShouldReadABodyThatStartsWithAByteOrderMark() =>
        Assert.That(JsonBody.Read([.. JsonBody.Utf8ByteOrderMark, .. Encoding.UTF8.GetBytes(Turn)], WebApiJsonContext.Default.TranscriptionRequest).ConversationId,
            Is.EqualTo("conv_1"));

    [TestCase("")]
    [TestCase("  \n")]
    [TestCase("\uFEFF ")]
    public void ShouldSayTheBodyIsEmpty(string body) => Assert.That(TurnRefusal(body), Is.EqualTo("The body is empty; send a JSON object."));

    [Test]
    public void ShouldSayWhereJsonBreaksWithoutParserText()
    {
        var details = TurnRefusal("{\"conversation_id\": \"conv\",\n \"speaker\": }");

        Assert.That(details, Is.EqualTo("The body is not valid JSON at line 2, byte 13, in speaker: a syntax error, or nesting deeper than 32."));
    }

    [Test]
    public void ShouldSayNestingTooDeepIsNotReadable() =>
        Assert.That(TurnRefusal(Turn[..^1] + ",\"x\":" + new string('[', 40) + new string(']', 40) + "}"),
            Does.StartWith("The body is not valid JSON at line 1, byte ").And.EndWith("nesting deeper than 32."));

    [TestCase("[1, 2, 3]")]
    [TestCase("\"conv\"")]
    [TestCase("null")]
    public void ShouldSayTheBodyMustBeAnObject(string body) => Assert.That(TurnRefusal(body), Is.EqualTo("The body must be a JSON object."));

    [Test]
    public void ShouldNameAWronglyTypedFieldAndWhereItIs() =>
        Assert.That(TurnRefusal("{\"conversation_id\":5,\"speaker\":true,\"message\":\"Hi\"}"),
            Is.EqualTo("conversation_id has the wrong type or an invalid value, or is given twice (line 1, byte 21)."));

    [Test]
    public void ShouldNameAFieldGivenTwice() =>
        Assert.That(TurnRefusal("{\"conversation_id\":\"conv_twice\",\"speaker\":\"user\",\"speaker\":\"agent\"}"),
            Is.EqualTo("speaker has the wrong type or an invalid value, or is given twice (line 1, byte 60)."));

    [Test]
    public void ShouldRefuseInvalidUtf8() =>
        Assert.That(TurnRefusal([.. Encoding.UTF8.GetBytes("{\"message\":\""), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes("\"}")]), Is.EqualTo("The body is not valid UTF-8."));

    [Test]
    public void ShouldNameAFieldOfAPostCallEventByItsPath()
    {
        var refused = Assert.Throws<RequestRejectedException>(() => JsonBody.Read(
            Encoding.UTF8.GetBytes("{\"type\":\"post_call_transcription\",\"event_timestamp\":1767702345,\"data\":{\"transcript\":[{\"role\":7}]}}"),
            WebApiJsonContext.Default.PostCallEvent));

        Assert.That((refused!.StatusCode, refused.Message), Is.EqualTo((StatusCodes.Status400BadRequest, ErrorResponse.InvalidPayload)));
        Assert.That(refused.Details, Is.EqualTo("data.transcript[0].role has the wrong type or an invalid value, or is given twice (line 1, byte 95)."));
    }

    [TestCase("{\"type\":7,\"event_timestamp\":1,\"data\":{}}", "type has the wrong type")]
    [TestCase("{\"type\":\"post_call_transcription\",\"event_timestamp\":1,\"data\":\"AAAA\"}", "data has the wrong type")]
    [TestCase("{\"type\":\"post_call_transcription\",\"event_timestamp\":\"1\",\"data\":{}}", "event_timestamp has the wrong type")]
    [TestCase("{\"type\":\"post_call_transcription\",\"event_timestamp\":1,\"data\":{\"transcript\":{}}}", "data.transcript has the wrong type")]
    public void ShouldNameTheWronglyShapedPartOfAPostCallEvent(string body, string saying) =>
        Assert.That(Assert.Throws<RequestRejectedException>(() => JsonBody.Read(Encoding.UTF8.GetBytes(body), WebApiJsonContext.Default.PostCallEvent))!.Details,
            Does.StartWith(saying));

    [Test]
    public void ShouldReadOnlyThePostCallFieldsTheServiceUses()
    {
        var read = JsonBody.Read(
            Encoding.UTF8.GetBytes("{\"type\":\"post_call_transcription\",\"event_timestamp\":1767702345,\"data\":{\"conversation_id\":\"conv_1\",\"analysis\":{\"x\":[1]},"
                + "\"metadata\":{\"start_time_unix_secs\":1767702300,\"call_duration_secs\":38,\"batch_call\":null},\"transcript\":[{\"role\":\"agent\",\"message\":null,\"time_in_call_secs\":7}]}}"),
            WebApiJsonContext.Default.PostCallEvent);

        var command = read.ToCompleteCall();
        Assert.That((read.Type, command.ConversationId, command.StartTimeUnixSecs, command.CallDurationSecs), Is.EqualTo(("post_call_transcription", "conv_1", 1767702300d, 38d)));
        Assert.That(command.Transcript.Single(), Is.EqualTo(new CallTranscription.Application.Calls.CompleteCall.TranscriptEntry("agent", null, 7)));
    }

    [TestCase("{\"type\":\"post_call_audio\",\"data\":{\"full_audio\":\"AAAA", "post_call_audio", TestName = "ShouldFindATopLevelStringInABodyCutShortAfterIt")]
    [TestCase("{\"data\":{\"type\":\"nested\"},\"event_timestamp\":1,\"type\":\"post_call_audio\"}", "post_call_audio", TestName = "ShouldFindOnlyATopLevelString")]
    [TestCase("{\"data\":{\"full_audio\":\"AAAA", null, TestName = "ShouldNotFindAStringTheBytesDoNotReach")]
    [TestCase("{\"type\":7}", null, TestName = "ShouldNotFindAValueThatIsNotAString")]
    [TestCase("[{\"type\":\"post_call_audio\"}]", null, TestName = "ShouldNotFindAStringInABodyThatIsNotAnObject")]
    [TestCase("not json", null, TestName = "ShouldNotFindAStringInABodyThatIsNotJson")]
    public void ShouldFindATopLevelStringBeforeWhateverItCannotRead(string body, string? found) =>
        Assert.That(JsonBody.TopLevelString(Encoding.UTF8.GetBytes(body), "type"u8), Is.EqualTo(found));

    [TestCase(null)]
    [TestCase("application/json; charset=utf-16")]
    [TestCase("application/json; charset=iso-8859-1")]
    public void ShouldRefuseABodyWithoutJsonsMediaTypeOrInAnotherCharset(string? contentType)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = contentType;

        var refused = Assert.Throws<RequestRejectedException>(() => JsonBody.EnsureJsonMediaType(http.Request));

        Assert.That((refused!.StatusCode, refused.Details), Is.EqualTo((StatusCodes.Status415UnsupportedMediaType, JsonBody.MediaTypeDetails)));
    }

    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/json; charset=UTF-8")]
    public void ShouldTakeJsonInUtf8(string contentType)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = contentType;

        Assert.DoesNotThrow(() => JsonBody.EnsureJsonMediaType(http.Request));
    }

    private static TranscriptionRequest ReadTurn(string body) => JsonBody.Read(Encoding.UTF8.GetBytes(body), WebApiJsonContext.Default.TranscriptionRequest);

    private static string TurnRefusal(string body) => TurnRefusal(Encoding.UTF8.GetBytes(body));

    private static string TurnRefusal(byte[] body)
    {
        var refused = Assert.Throws<RequestRejectedException>(() => JsonBody.Read(body, WebApiJsonContext.Default.TranscriptionRequest));
        Assert.That((refused!.StatusCode, refused.Message), Is.EqualTo((StatusCodes.Status400BadRequest, ErrorResponse.InvalidPayload)));
        return refused.Details;
    }
}
