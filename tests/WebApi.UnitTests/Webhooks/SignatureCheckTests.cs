using CallTranscription.Testing;
using System.Text;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Webhooks;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.UnitTests.Webhooks;

/// <summary>One verifier serves both webhooks: over raw bytes, whole or as they arrive, with the secret each one names.</summary>
public class SignatureCheckTests
{
    private const string Secret = "wsec_post_call_test";
    private static readonly DateTimeOffset _now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] _body = Encoding.UTF8.GetBytes("{\"type\":\"post_call_audio\",\"event_timestamp\":1,\"data\":{\"full_audio\":\"QUJD\"}}");

    private readonly WebhookSignatureVerifier _verifier = new(Options.Create(new ElevenLabsOptions()), new FixedClock(_now));

    [TestCase(1, TestName = "ShouldAcceptABodyArrivingOneByteAtATime")]
    [TestCase(7, TestName = "ShouldAcceptABodyArrivingInUnevenChunks")]
    [TestCase(int.MaxValue, TestName = "ShouldAcceptABodyArrivingWhole")]
    public void ShouldAcceptTheSignedBodyInAnyChunks(int chunkSize)
    {
        using var check = _verifier.Start(Secret, Header(Secret, _body));
        foreach (var chunk in _body.Chunk(Math.Min(chunkSize, _body.Length)))
        {
            check.Append(chunk);
        }

        Assert.DoesNotThrow(check.Finish);
    }

    [Test]
    public void ShouldRejectABodyWithAByteMissing()
    {
        using var check = _verifier.Start(Secret, Header(Secret, _body));
        check.Append(_body.AsSpan(0, _body.Length - 1));

        var rejected = Assert.Throws<RequestRejectedException>(check.Finish);
        Assert.That(rejected.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public void ShouldRejectAnotherWebhooksSecret()
    {
        using var check = _verifier.Start(Secret, Header("wsec_per_turn", _body));
        check.Append(_body);

        Assert.That(Assert.Throws<RequestRejectedException>(check.Finish).StatusCode, Is.EqualTo(401));
    }

    [Test]
    public void ShouldRejectAStaleHeaderBeforeAnyByteIsRead()
    {
        var stale = $"t={_now.AddMinutes(-31).ToUnixTimeSeconds()},v0={Convert.ToHexStringLower(ElevenLabsSignature.Sign(Secret, _now.AddMinutes(-31).ToUnixTimeSeconds(), _body))}";

        Assert.That(Assert.Throws<RequestRejectedException>(() => _verifier.Start(Secret, stale)).StatusCode, Is.EqualTo(401));
    }

    private static string Header(string secret, byte[] body) =>
        $"t={_now.ToUnixTimeSeconds()},v0={Convert.ToHexStringLower(ElevenLabsSignature.Sign(secret, _now.ToUnixTimeSeconds(), body))}";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
