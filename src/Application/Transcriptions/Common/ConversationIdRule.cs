using FluentValidation;

namespace CallTranscription.Application.Transcriptions.Common;

public static class ConversationIdRule
{
    /// <summary>Required, at most 128 printable ASCII characters without spaces; messages name <paramref name="field"/>.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAConversationId<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.NotEmpty().WithMessage($"{field} is required.")
            .MaximumLength(TranscriptionLimits.ConversationIdMaxLength)
            .WithMessage($"{field} must be at most {TranscriptionLimits.ConversationIdMaxLength} characters.")
            .Must(id => TextRules.IsIdentifier(id!))
            .WithMessage($"{field} must be printable ASCII without spaces.")
            .OverridePropertyName(field);
}
