using CallTranscription.Domain.Calls;

namespace CallTranscription.Domain.UnitTests.Calls;

public class ConversationCheckTests
{
    private static readonly TimeSpan _interval = TimeSpan.FromMinutes(1);
    private static readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private static readonly DateTimeOffset _quietSince = _now.AddMinutes(-20);

    [Test]
    public void ShouldBeDueAtOnceWhenNeverChecked()
    {
        var check = ConversationCheck.For("conv_new");

        Assert.That(check.IsDue(_now, _quietSince), Is.True);
        Assert.That(check.Checks, Is.Zero);
    }

    [Test]
    public void ShouldDoubleTheWaitAfterEachCheckThatFindsItNotEnded()
    {
        var check = ConversationCheck.For("conv_long");
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            check.CheckLater(_now, _interval, _quietSince);
            waits.Add(check.NextCheckAt!.Value - _now);
        }

        Assert.That(waits, Is.EqualTo(new[] { 1, 2, 4, 8 }.Select(m => TimeSpan.FromMinutes(m))));
        Assert.That(check.IsDue(_now + TimeSpan.FromMinutes(8) - TimeSpan.FromSeconds(1), _quietSince), Is.False);
        Assert.That(check.IsDue(_now + TimeSpan.FromMinutes(8), _quietSince), Is.True);
    }

    [Test]
    public void ShouldNeverWaitLongerThanMaxWait()
    {
        var check = ConversationCheck.For("conv_endless");
        for (var i = 0; i < 40; i++)
        {
            check.CheckLater(_now, _interval, _quietSince);
        }

        Assert.That(check.NextCheckAt, Is.EqualTo(_now + ConversationCheck.MaxWait));
        Assert.That(check.Checks, Is.EqualTo(40));
    }

    [Test]
    public void ShouldStartTheWaitsOverWhenATurnArrivedSinceTheLastCheck()
    {
        var check = ConversationCheck.For("conv_on_hold");
        for (var i = 0; i < 6; i++)
        {
            check.CheckLater(_now, _interval, _quietSince);
        }

        var resumedAt = _now.AddMinutes(2);
        var dueAgain = check.IsDue(_now.AddMinutes(20), resumedAt);
        check.CheckLater(_now.AddMinutes(20), _interval, resumedAt);

        Assert.That(dueAgain, Is.True, "due once quiet again, whatever wait the earlier checks set");
        Assert.That(check.Checks, Is.EqualTo(1));
        Assert.That(check.NextCheckAt, Is.EqualTo(_now.AddMinutes(21)));
    }

    [Test]
    public void ShouldNeverBeDueOnceGivenUp()
    {
        var check = ConversationCheck.For("conv_gone");

        var first = check.GiveUp(_now);
        var second = check.GiveUp(_now.AddMinutes(5));

        Assert.That(first, Is.True);
        Assert.That(second, Is.False, "given up once");
        Assert.That(check.GivenUpAt, Is.EqualTo(_now));
        Assert.That(check.IsDue(_now.AddYears(1), _now.AddYears(1)), Is.False);
    }
}
