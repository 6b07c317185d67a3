using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Transcriptions.Common;
using FluentValidation;

namespace CallTranscription.Application.Calls.CompleteCall;

public sealed class CompleteCallCommandValidator : AbstractValidator<CompleteCallCommand>
{
    /// <summary>Longer than any call ElevenLabs places.</summary>
    public static readonly TimeSpan MaxCallDuration = TimeSpan.FromDays(1);

    private const string StartTime = "data.metadata.start_time_unix_secs";
    private const string Duration = "data.metadata.call_duration_secs";

    public CompleteCallCommandValidator(TimeProvider timeProvider)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.ConversationId).MustBeAConversationId("data.conversation_id");

        RuleFor(c => c.StartTimeUnixSecs).MustBePlausibleUnixSeconds(StartTime, timeProvider);

        RuleFor(c => c.CallDurationSecs)
            .NotNull().WithMessage($"{Duration} is required.")
            .Must(IsOffset).WithMessage($"{Duration} must be from 0 to {MaxCallDuration.TotalSeconds:0} seconds.")
            .OverridePropertyName(Duration);

        RuleFor(c => c.Transcript).Custom((entries, context) =>
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (Problem(entries[i], $"data.transcript[{i}]") is { } problem)
                {
                    context.AddFailure(problem.Field, problem.Message);
                }
            }
        });
    }

    // Entries without text (tool calls) are not turns, and nothing else in them is read.
    private static (string Field, string Message)? Problem(TranscriptEntry entry, string path)
    {
        if (!entry.HasText)
        {
            return null;
        }

        if (SpeakerMapping.Map(entry.Role) is null)
        {
            return ($"{path}.role", $"{path}.role must be 'agent' or 'user'.");
        }

        if (MessageRule.Problem(entry.Message!) is { } problem)
        {
            return ($"{path}.message", $"{path}.message {problem}");
        }

        return IsOffset(entry.TimeInCallSecs)
            ? null
            : ($"{path}.time_in_call_secs", $"{path}.time_in_call_secs must be from 0 to {MaxCallDuration.TotalSeconds:0} seconds.");
    }

    private static bool IsOffset(double? seconds) => seconds is { } s && s >= 0 && s <= MaxCallDuration.TotalSeconds;
}
