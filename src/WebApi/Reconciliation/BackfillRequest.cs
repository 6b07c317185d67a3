using System.Globalization;

namespace CallTranscription.WebApi.Reconciliation;

/// <summary>
/// `backfill --conversation &lt;id&gt;` (repeatable), or `backfill --since &lt;date&gt; [--agent &lt;agent_id&gt;]`.
/// Any other `--key value` on the command line is configuration, as for serving.
/// </summary>
public sealed record BackfillRequest(IReadOnlyList<string> Conversations, DateTimeOffset? Since, string? Agent)
{
    public const string Command = "backfill";

    /// <returns>The request, or the problem with the command line.</returns>
    public static (BackfillRequest? Request, string? Problem) Parse(string[] args)
    {
        var conversations = new List<string>();
        string? since = null;
        string? agent = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue; // the command itself, or configuration as key=value
            }

            var (name, value) = args[i].Split('=', 2) is [var key, var inline]
                ? (key, inline)
                : (args[i], i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            switch (name)
            {
                case "--conversation":
                    conversations.Add(value ?? "");
                    break;
                case "--since":
                    since = value ?? "";
                    break;
                case "--agent":
                    agent = value;
                    break;
            }
        }

        if (conversations.Any(string.IsNullOrWhiteSpace))
        {
            return (null, "backfill --conversation needs a conversation id.");
        }

        if ((conversations.Count > 0) == (since is not null))
        {
            return (null, "backfill needs either --conversation <id> (repeatable) or --since <date> [--agent <agent_id>].");
        }

        if (agent is not null && since is null)
        {
            return (null, "backfill --agent goes with --since.");
        }

        if (since is null)
        {
            return (new BackfillRequest(conversations, null, null), null);
        }

        return DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from)
            ? (new BackfillRequest([], from, string.IsNullOrWhiteSpace(agent) ? null : agent), null)
            : (null, $"backfill --since '{since}' is not a date, e.g. 2025-06-01 or 2025-06-01T12:00:00Z.");
    }
}
