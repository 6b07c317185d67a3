using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.Application.Transcriptions.SaveTranscription;

namespace CallTranscription.WebApi.Webhooks;

/// <summary>
/// One dialogue turn as the per-turn webhook receives it. The fields are typed as the contract has them (required
/// strings); one missing or null arrives as null all the same, and the command's validator refuses it. The attributes
/// state its rules in the OpenAPI document.
/// </summary>
public sealed record TranscriptionRequest(
    [property: JsonPropertyName("conversation_id")]
    [property: StringLength(TranscriptionLimits.ConversationIdMaxLength, MinimumLength = 1), RegularExpression(@"^[\x21-\x7E]+$")]
    string ConversationId,
    [property: JsonPropertyName("speaker"), RegularExpression("^(agent|user)$")]
    [property: Description("agent, or user: the driver.")]
    string Speaker,
    [property: JsonPropertyName("message"), StringLength(TranscriptionLimits.MessageMaxLength, MinimumLength = 1)]
    [property: Description("Not blank; at most 20,000 characters, counted as Unicode code points; no control characters but tab, CR and LF.")]
    string Message,
    [property: JsonPropertyName("timestamp")]
    [property: Description("ISO-8601 / RFC 3339 date and time, e.g. 2026-11-21T14:03:07.250Z; no offset means UTC.")]
    string Timestamp)
{
    public SaveTranscriptionCommand ToCommand() => new(ConversationId, Speaker, Message, Timestamp);
}
