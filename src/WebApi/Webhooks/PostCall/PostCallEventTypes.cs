namespace CallTranscription.WebApi.Webhooks.PostCall;

/// <summary>The <c>type</c> of ElevenLabs' post-call events; it adds new ones over time.</summary>
public static class PostCallEventTypes
{
    public const string Transcription = "post_call_transcription";
    public const string InitiationFailure = "call_initiation_failure";
    public const string Audio = "post_call_audio";

    /// <summary>The types whose data the service reads; the body of any other type is discarded as it streams in.</summary>
    public static bool IsRead(string type) => type is Transcription or InitiationFailure;
}
