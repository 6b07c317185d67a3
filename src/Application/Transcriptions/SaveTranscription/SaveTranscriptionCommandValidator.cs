using CallTranscription.Application.Transcriptions.Common;
using FluentValidation;

namespace CallTranscription.Application.Transcriptions.SaveTranscription;

public sealed class SaveTranscriptionCommandValidator : AbstractValidator<SaveTranscriptionCommand>
{
    public SaveTranscriptionCommandValidator(TimeProvider timeProvider)
    {
        // Each field reports its first problem only; later checks assume the earlier ones passed.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.ConversationId)
            .NotEmpty().WithMessage("conversation_id is required.")
            .MaximumLength(TranscriptionLimits.ConversationIdMaxLength)
            .WithMessage($"conversation_id must be at most {TranscriptionLimits.ConversationIdMaxLength} characters.")
            .Must(id => TextRules.IsIdentifier(id!))
            .WithMessage("conversation_id must be printable ASCII without spaces.")
            .OverridePropertyName("conversation_id");

        RuleFor(c => c.Speaker)
            .NotEmpty().WithMessage("speaker is required.")
            .Must(s => SpeakerMapping.TryMap(s, out _))
            .WithMessage("speaker must be 'agent' or 'user'.")
            .OverridePropertyName("speaker");

        RuleFor(c => c.Message)
            .Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("message is required.")
            .Must(m => TextRules.CodePointCount(m!) <= TranscriptionLimits.MessageMaxLength)
            .WithMessage($"message must be at most {TranscriptionLimits.MessageMaxLength} characters (Unicode code points).")
            .Must(m => TextRules.IsSpeechText(m!))
            .WithMessage("message must not contain control characters or invalid Unicode.")
            .OverridePropertyName("message");

        RuleFor(c => c.Timestamp)
            .NotEmpty().WithMessage("timestamp is required.")
            .Must(t => TurnTimestamp.TryParse(t, out _))
            .WithMessage("timestamp must be an ISO-8601 date and time, e.g. 2026-11-21T14:03:07Z.")
            .Must(t => IsPlausible(TurnTimestamp.Parse(t!), timeProvider.GetUtcNow()))
            .WithMessage($"timestamp must be within {TranscriptionLimits.MaxTimestampAge.TotalDays:0} days before "
                + $"and {TranscriptionLimits.MaxTimestampLead.TotalDays:0} day after the server's current time.")
            .OverridePropertyName("timestamp");
    }

    private static bool IsPlausible(DateTimeOffset timestamp, DateTimeOffset now) =>
        timestamp >= now - TranscriptionLimits.MaxTimestampAge && timestamp <= now + TranscriptionLimits.MaxTimestampLead;
}
