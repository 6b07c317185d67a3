namespace CallTranscription.Domain.Calls;

/// <summary>
/// When a conversation that has not ended here is next checked against ElevenLabs, shared by every instance through
/// the database. Each check that finds it not ended doubles the wait, from the sweep's interval up to
/// <see cref="MaxWait"/>: a long call costs a few API calls, and one that never ends at most one an hour until it is
/// given up, after which it is never checked again. A turn that arrives after a check starts the waits over: the call
/// was live again, so when it goes quiet it is checked as soon as it is due.
/// </summary>
public sealed class ConversationCheck
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    private ConversationCheck()
    {
    }

    public string ConversationId { get; private set; } = null!;

    /// <summary>Checks that found the conversation not ended (or gave no answer) in a row.</summary>
    public int Checks { get; private set; }

    public DateTimeOffset? LastCheckedAt { get; private set; }

    public DateTimeOffset? NextCheckAt { get; private set; }

    public DateTimeOffset? GivenUpAt { get; private set; }

    public static ConversationCheck For(string conversationId) => new() { ConversationId = conversationId };

    /// <param name="quietSince">When the last thing arrived for the conversation.</param>
    public bool IsDue(DateTimeOffset now, DateTimeOffset quietSince) =>
        GivenUpAt is null && (!(NextCheckAt > now) || ActiveSinceLastCheck(quietSince));

    /// <summary>
    /// The check found it not ended (or got no answer): the next one waits twice as long as the last, up to
    /// <see cref="MaxWait"/>, or one interval when something arrived for it since the last check.
    /// </summary>
    public void CheckLater(DateTimeOffset now, TimeSpan interval, DateTimeOffset quietSince)
    {
        Checks = ActiveSinceLastCheck(quietSince) ? 1 : Checks + 1;
        LastCheckedAt = now.ToUniversalTime();
        var wait = Math.Min(interval.Ticks * Math.Pow(2, Checks - 1), MaxWait.Ticks);
        NextCheckAt = (now + TimeSpan.FromTicks((long)wait)).ToUniversalTime();
    }

    /// <returns>False when it had already been given up.</returns>
    public bool GiveUp(DateTimeOffset now)
    {
        if (GivenUpAt is not null)
        {
            return false;
        }

        GivenUpAt = now.ToUniversalTime();
        return true;
    }

    private bool ActiveSinceLastCheck(DateTimeOffset quietSince) => quietSince > LastCheckedAt;
}
