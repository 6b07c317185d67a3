using CallTranscription.Application.Transcriptions.Common;
using FluentValidation;

namespace CallTranscription.Application.Transcriptions.SaveTranscription;

public sealed class SaveTranscriptionCommandValidator : AbstractValidator<SaveTranscriptionCommand>
{
    public SaveTranscriptionCommandValidator(TimeProvider timeProvider)
    {
        // Each field reports its first problem only; later checks assume the earlier ones passed.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.ConversationId).MustBeAConversationId("conversation_id");

        RuleFor(c => c.Speaker)
            .NotEmpty().WithMessage("speaker is required.")
            .Must(s => SpeakerMapping.Map(s) is not null)
            .WithMessage("speaker must be 'agent' or 'user'.")
            .OverridePropertyName("speaker");

        RuleFor(c => c.Message)
            .Must(m => !string.IsNullOrEmpty(m)).WithMessage("message is required.")
            .Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("message must not be blank.")
            .Must(m => MessageRule.Problem(m!) is null).WithMessage(c => $"message {MessageRule.Problem(c.Message!)}")
            .OverridePropertyName("message");

        RuleFor(c => c.Timestamp)
            .NotEmpty().WithMessage("timestamp is required.")
            .Must((c, _) => c.ParsedTimestamp is not null)
            .WithMessage("timestamp must be an ISO-8601 date and time, e.g. 2026-11-21T14:03:07Z.")
            .Must((c, _) => TranscriptionLimits.IsPlausible(c.ParsedTimestamp!.Value, timeProvider.GetUtcNow()))
            .WithMessage($"timestamp must be {TranscriptionLimits.PlausibleWindow}.")
            .OverridePropertyName("timestamp");
    }
}
