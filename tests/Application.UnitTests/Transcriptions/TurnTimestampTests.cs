using CallTranscription.Application.Transcriptions.Common;

namespace CallTranscription.Application.UnitTests.Transcriptions;

public class TurnTimestampTests
{
    [TestCase("2026-11-21T14:03:07Z", "2026-11-21T14:03:07Z")]
    [TestCase("2026-11-21T16:03:07+02:00", "2026-11-21T14:03:07Z")]
    [TestCase("2026-11-21T09:03:07.250-05:00", "2026-11-21T14:03:07.250Z")]
    [TestCase("2026-11-21T14:03:07", "2026-11-21T14:03:07Z")]
    [TestCase("2026-11-21 14:03:07.1234567", "2026-11-21T14:03:07.1234567Z")]
    [TestCase("2026-11-21T16:03:07+0200", "2026-11-21T14:03:07Z")]
    [TestCase("2026-11-21t14:03:07z", "2026-11-21T14:03:07Z")]
    [TestCase("2026-11-21t16:03:07.5+02:00", "2026-11-21T14:03:07.5Z")]
    public void ShouldParseIsoTimestampsToUtc(string input, string expectedUtc)
    {
        var utc = TurnTimestamp.Parse(input);

        Assert.That(utc, Is.EqualTo(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(utc!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase("2026-11-25T10:00:00.123456789Z", "2026-11-25T10:00:00.1234567Z")]
    [TestCase("2026-11-25T10:00:00.999999999Z", "2026-11-25T10:00:00.9999999Z")]
    [TestCase("2026-11-25T12:00:00.12345678901234+02:00", "2026-11-25T10:00:00.1234567Z")]
    [TestCase("2026-11-25T10:00:00.123456789", "2026-11-25T10:00:00.1234567Z")]
    [TestCase("2026-11-25T05:00:00.123456789-05:00", "2026-11-25T10:00:00.1234567Z")]
    [TestCase("2026-11-25T15:30:00.123456789+0530", "2026-11-25T10:00:00.1234567Z")]
    public void ShouldKeepNanosecondTimestampsTo100Nanoseconds(string input, string expectedUtc)
    {
        Assert.That(TurnTimestamp.Parse(input)?.UtcTicks, Is.EqualTo(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture).UtcTicks));
    }

    [TestCase("not a time")]
    [TestCase("11/21/2026 14:03")]
    [TestCase("2026-13-01T00:00:00Z")]
    [TestCase("2026-02-30T00:00:00Z")]
    [TestCase("2026-11-21T25:00:00Z")]
    [TestCase("2026-11-21")]
    [TestCase("1763733787")]
    [TestCase("")]
    [TestCase("2026-11-21T14:03:07.Z")]
    [TestCase("2026-11-21T14:03.5Z")]
    [TestCase("2026-11-21x14:03:07Z")]
    [TestCase("2026-11-21T14:03:07+2")]
    [TestCase("2026-11-21T14:03:07 Z")]
    [TestCase("2026-11-21T14:03:07Zz")]
    [TestCase("2026-11-21T14:03:07Z\n")]
    [TestCase("2026-11-21T14:03:07.１２３Z")]
    public void ShouldRejectAnythingElse(string input) => Assert.That(TurnTimestamp.Parse(input), Is.Null);
}
