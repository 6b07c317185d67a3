using CallTranscription.Application.Transcriptions.Common;
using FluentValidation;

namespace CallTranscription.Application.Calls.Common;

public static class UnixSecondsRule
{
    /// <summary>Required Unix seconds within the timestamp window around the server's clock; messages name <paramref name="field"/>.</summary>
    public static IRuleBuilderOptions<T, double?> MustBeRecentUnixSeconds<T>(this IRuleBuilder<T, double?> rule, string field, TimeProvider timeProvider) =>
        rule.NotNull().WithMessage($"{field} is required.")
            .Must(UnixTime.IsValid).WithMessage($"{field} must be Unix seconds.")
            .Must(s => TranscriptionLimits.IsPlausible(UnixTime.ToUtc(s!.Value), timeProvider.GetUtcNow()))
            .WithMessage($"{field} must be {TranscriptionLimits.PlausibleWindow}.")
            .OverridePropertyName(field);
}
