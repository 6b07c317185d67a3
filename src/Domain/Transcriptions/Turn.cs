namespace CallTranscription.Domain.Transcriptions;

/// <summary>What one speaker said in a call, and when.</summary>
public sealed record Turn(SpeakerType Speaker, string Message, DateTimeOffset Timestamp);
