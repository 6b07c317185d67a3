using CallTranscription.Application.Calls.Common;
using CallTranscription.Application.Transcriptions.Common;
using FluentValidation;

namespace CallTranscription.Application.Calls.FailCall;

public sealed class FailCallCommandValidator : AbstractValidator<FailCallCommand>
{
    private const string EventTimestamp = "event_timestamp";

    public FailCallCommandValidator(TimeProvider timeProvider)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.ConversationId).MustBeAConversationId("data.conversation_id");

        RuleFor(c => c.EventTimestamp).MustBePlausibleUnixSeconds(EventTimestamp, timeProvider);
    }
}
