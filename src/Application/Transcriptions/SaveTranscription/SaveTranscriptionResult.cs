namespace CallTranscription.Application.Transcriptions.SaveTranscription;

/// <param name="Replayed">True when the turn had already been stored and this delivery stored nothing new.</param>
/// <param name="CallStarted">True when this turn created its call.</param>
public sealed record SaveTranscriptionResult(int TranscriptionId, int SequenceNumber, bool Replayed, bool CallStarted = false);
