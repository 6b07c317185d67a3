using System.Net;
using CallTranscription.Domain.Calls;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;

namespace CallTranscription.WebApi.FunctionalTests.PostCall;

/// <summary>An old turn is not an invalid one: a back-fill of any real age is stored with its real times.</summary>
public class OldConversationTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    private static readonly DateTimeOffset _twoYearsAgo = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddYears(-2).ToUnixTimeSeconds());

    [Test]
    public async Task ShouldStoreATwoYearOldTurnAndStartItsCallThen()
    {
        var response = await PostTurnAsync(Turn("conv_two_years_turn", timestamp: _twoYearsAgo.ToString("O")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await StoredCallAsync("conv_two_years_turn")).CallStartTime, Is.EqualTo(_twoYearsAgo));
    }

    [Test]
    public async Task ShouldStoreATwoYearOldTranscriptWithItsRealTimes()
    {
        var response = await PostCallAsync(PostCallEvents.Transcription("conv_two_years_post", _twoYearsAgo, 38, Conversation));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var call = await StoredCallAsync("conv_two_years_post");
        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.CallStartTime, Is.EqualTo(_twoYearsAgo));
            Assert.That(call.CallEndTime, Is.EqualTo(_twoYearsAgo.AddSeconds(38)));
        });
        Assert.That(await StoredConversationAsync("conv_two_years_post"), Is.EqualTo(Numbered(Turns)));
    }
}
