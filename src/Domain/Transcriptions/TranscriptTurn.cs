namespace CallTranscription.Domain.Transcriptions;

/// <summary>A turn of a call's post-call transcript.</summary>
/// <param name="EntryIndex">Its place among the transcript's entries, counting entries without text (tool calls).</param>
public sealed record TranscriptTurn(int EntryIndex, Turn Turn);
