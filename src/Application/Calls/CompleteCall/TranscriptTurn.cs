using CallTranscription.Domain.Transcriptions;

namespace CallTranscription.Application.Calls.CompleteCall;

/// <param name="EntryIndex">Its place in <c>data.transcript</c>, counting entries without text.</param>
public sealed record TranscriptTurn(int EntryIndex, SpeakerType Speaker, string Message, DateTimeOffset Timestamp);
