using CallTranscription.Testing;
using System.Text;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.UnitTests.Webhooks;

/// <summary>The verifier on its own, fed every kind of header a client could send: each is accepted or a 401.</summary>
public class WebhookSignatureVerifierTests
{
    private const string Secret = "wsec_test_5b0c1f7e2d";
    private static readonly DateTimeOffset _now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] _body = Encoding.UTF8.GetBytes("{\"conversation_id\":\"conv_signed\"}");
    private static readonly string _v0 = Convert.ToHexStringLower(ElevenLabsSignature.Sign(Secret, _now.ToUnixTimeSeconds(), _body));

    private readonly WebhookSignatureVerifier _verifier = new(
        Options.Create(new ElevenLabsOptions { WebhookSecret = Secret }), new FixedClock(_now));

    private static string Valid => $"t={_now.ToUnixTimeSeconds()},v0={_v0}";

    [Test]
    public void ShouldAcceptAValidHeader() => Assert.DoesNotThrow(() => _verifier.Verify(Valid, _body));

    [TestCase(" t={t} , v0={v0} ", TestName = "ShouldAcceptSpacesAroundParts")]
    [TestCase("v0={v0},t={t}", TestName = "ShouldAcceptPartsInAnyOrder")]
    [TestCase("t={t},v0={other},v0={v0}", TestName = "ShouldAcceptAnyMatchingV0")]
    [TestCase("t={t},v1=future-scheme,v0={v0}", TestName = "ShouldIgnoreUnknownKeys")]
    [TestCase("t={t},v0={V0}", TestName = "ShouldAcceptUppercaseHex")]
    public void ShouldAcceptWellFormedVariants(string template) =>
        Assert.DoesNotThrow(() => _verifier.Verify(Fill(template), _body));

    [TestCase(null, TestName = "ShouldRejectAMissingHeader")]
    [TestCase("", TestName = "ShouldRejectAnEmptyHeader")]
    [TestCase("   ", TestName = "ShouldRejectABlankHeader")]
    [TestCase("t=1763733787000,v0={v0}", TestName = "ShouldRejectATimestampInMilliseconds")]
    [TestCase("t=99999999999999999999,v0={v0}", TestName = "ShouldRejectATimestampBeyondAnInteger")]
    [TestCase("t=9223372036854775807,v0={v0}", TestName = "ShouldRejectTheLargestTimestamp")]
    [TestCase("t=0,v0={v0}", TestName = "ShouldRejectTimestampZero")]
    [TestCase("t=-{t},v0={v0}", TestName = "ShouldRejectANegativeTimestamp")]
    [TestCase("t=+{t},v0={v0}", TestName = "ShouldRejectASignedTimestamp")]
    [TestCase("t=,v0={v0}", TestName = "ShouldRejectAnEmptyTimestamp")]
    [TestCase("t=abc,v0={v0}", TestName = "ShouldRejectANonNumericTimestamp")]
    [TestCase("t=1.5e9,v0={v0}", TestName = "ShouldRejectAFractionalTimestamp")]
    [TestCase("t=١٧٦٣٧٣٣٧٨٧,v0={v0}", TestName = "ShouldRejectNonAsciiDigits")]
    [TestCase("t={t},t={t},v0={v0}", TestName = "ShouldRejectTwoTimestamps")]
    [TestCase("v0={v0}", TestName = "ShouldRejectAMissingTimestamp")]
    [TestCase("t={t}", TestName = "ShouldRejectAMissingSignature")]
    [TestCase("t={t},v0=", TestName = "ShouldRejectAnEmptySignature")]
    [TestCase("t={t},v0=zz", TestName = "ShouldRejectANonHexSignature")]
    [TestCase("t={t},v0={v0}0", TestName = "ShouldRejectALongSignature")]
    [TestCase("t={t},v0={short}", TestName = "ShouldRejectAShortSignature")]
    [TestCase("t={t},v0={v0},", TestName = "ShouldRejectATrailingComma")]
    [TestCase("t={t},,v0={v0}", TestName = "ShouldRejectAnEmptyPart")]
    [TestCase("t={t},junk,v0={v0}", TestName = "ShouldRejectAPartWithoutEquals")]
    [TestCase("t={t},=x,v0={v0}", TestName = "ShouldRejectAPartWithoutKey")]
    [TestCase("t={t};v0={v0}", TestName = "ShouldRejectTheWrongSeparator")]
    [TestCase("T={t},V0={v0}", TestName = "ShouldRejectUppercaseKeys")]
    [TestCase("sha256={v0}", TestName = "ShouldRejectAnotherScheme")]
    [TestCase("t={t},v0={wrong}", TestName = "ShouldRejectAWrongSignature")]
    [TestCase("t={stale},v0={v0}", TestName = "ShouldRejectAStaleTimestamp")]
    [TestCase("t={future},v0={v0}", TestName = "ShouldRejectAFutureTimestamp")]
    [TestCase("\0\u2028\ud800", TestName = "ShouldRejectBinaryJunk")]
    public void ShouldRejectWith401(string? template) => AssertUnauthorized(template is null ? null : Fill(template));

    /// <summary>
    /// Random edits of a valid header (seeded, so a failure names its input and repeats): whatever comes out is
    /// accepted or answered 401, never an exception of another kind.
    /// </summary>
    [Test]
    public void ShouldAnswerEveryMutatedHeaderWithSuccessOr401()
    {
        var random = new Random(20261125);
        const string alphabet = "t=v0,-+ .0123456789abcdefABCDEF\t\u00e9";
        for (var i = 0; i < 20_000; i++)
        {
            var header = new StringBuilder(Valid);
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(header.Length + 1);
                switch (random.Next(4))
                {
                    case 0 when header.Length > 0 && at < header.Length:
                        header.Remove(at, 1);
                        break;
                    case 1:
                        header.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    case 2:
                        header.Insert(at, new string('9', random.Next(1, 25)));
                        break;
                    default:
                        header.Insert(at, random.Next(2) == 0 ? "," : "=");
                        break;
                }
            }

            var text = header.ToString();
            try
            {
                _verifier.Verify(text, _body);
            }
            catch (RequestRejectedException rejected) when (rejected.StatusCode == StatusCodes.Status401Unauthorized)
            {
            }
            catch (Exception exception)
            {
                Assert.Fail($"'{text}' threw {exception.GetType().Name}: {exception.Message}");
            }
        }
    }

    [Test]
    public void ShouldCheckNothingWithoutASecret()
    {
        var open = new WebhookSignatureVerifier(Options.Create(new ElevenLabsOptions()), new FixedClock(_now));

        Assert.DoesNotThrow(() => open.Verify("t=1763733787000,v0=zz", _body));
    }

    private void AssertUnauthorized(string? header)
    {
        var rejected = Assert.Throws<RequestRejectedException>(() => _verifier.Verify(header, _body));
        Assert.That(rejected!.StatusCode, Is.EqualTo(StatusCodes.Status401Unauthorized));
        Assert.That(rejected.Details, Does.Contain(WebhookSignatureVerifier.HeaderName));
    }

    private static string Fill(string template) => template
        .Replace("{t}", _now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{stale}", _now.AddMinutes(-31).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{future}", _now.AddMinutes(31).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{v0}", _v0)
        .Replace("{V0}", _v0.ToUpperInvariant())
        .Replace("{short}", _v0[..62])
        .Replace("{other}", new string('0', 64))
        .Replace("{wrong}", new string('a', 64));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
