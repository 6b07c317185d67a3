namespace CallTranscription.Application.Calls.Reconcile;

/// <summary>The Conversations API refused <c>ElevenLabs:ApiKey</c>. The message never holds the key.</summary>
public sealed class ConversationsApiRefusedException(int statusCode)
    : Exception($"ElevenLabs' Conversations API answered {statusCode}: it refuses ElevenLabs:ApiKey.")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>The Conversations API gave no usable answer after the HTTP client's retries.</summary>
public sealed class ConversationsApiUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);

/// <summary>The API answered with a body that is not the documented shape (a field of the wrong JSON type).</summary>
public sealed class InvalidConversationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
