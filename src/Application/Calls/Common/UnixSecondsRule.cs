using CallTranscription.Application.Transcriptions.Common;
using FluentValidation;

namespace CallTranscription.Application.Calls.Common;

public static class UnixSecondsRule
{
    /// <summary>Required Unix seconds that can be real (TranscriptionLimits.IsPlausible); messages name <paramref name="field"/>.</summary>
    public static IRuleBuilderOptions<T, double?> MustBePlausibleUnixSeconds<T>(this IRuleBuilder<T, double?> rule, string field, TimeProvider timeProvider) =>
        rule.NotNull().WithMessage($"{field} is required.")
            .Must(UnixTime.IsValid).WithMessage($"{field} must be Unix seconds.")
            .Must(s => TranscriptionLimits.IsPlausible(UnixTime.ToUtc(s!.Value), timeProvider.GetUtcNow()))
            .WithMessage($"{field} must be {TranscriptionLimits.PlausibleWindow}.")
            .OverridePropertyName(field);
}
