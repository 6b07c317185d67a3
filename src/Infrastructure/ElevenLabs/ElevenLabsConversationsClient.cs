using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CallTranscription.Application.Calls.CompleteCall;
using CallTranscription.Application.Calls.Reconcile;
using Polly;

namespace CallTranscription.Infrastructure.ElevenLabs;

/// <summary>
/// ElevenLabs' Conversations API over the typed client that <see cref="ElevenLabsApi"/> registers: the standard
/// resilience handler retries 429 (after Retry-After), 5xx and timeouts before this class sees an answer.
/// </summary>
internal sealed class ElevenLabsConversationsClient(HttpClient http) : IConversationsApi
{
    public const string KeyHeader = "xi-api-key";
    private const int PageSize = 100;

    public async Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync($"v1/convai/conversations/{Uri.EscapeDataString(conversationId)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var body = await ReadAsync(response, ElevenLabsJsonContext.Default.ConversationResponse, cancellationToken);
        return new Conversation(
            body.ConversationId,
            body.Status,
            body.Metadata?.StartTimeUnixSecs,
            body.Metadata?.CallDurationSecs,
            body.Metadata?.TerminationReason,
            body.Transcript?.Select(item => new TranscriptEntry(item?.Role, item?.Message, item?.TimeInCallSecs)).ToList() ?? []);
    }

    public async IAsyncEnumerable<ConversationSummary> ListAsync(
        DateTimeOffset since, string? agentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"v1/convai/conversations?page_size={PageSize}&call_start_after_unix={since.ToUnixTimeSeconds()}");
        if (!string.IsNullOrEmpty(agentId))
        {
            query += $"&agent_id={Uri.EscapeDataString(agentId)}";
        }

        string? cursor = null;
        do
        {
            var uri = cursor is null ? query : $"{query}&cursor={Uri.EscapeDataString(cursor)}";
            ConversationPage page;
            using (var response = await SendAsync(uri, cancellationToken))
            {
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    throw new ConversationsApiUnavailableException("ElevenLabs' Conversations API answered 404 to the list of conversations: check ElevenLabs:ApiBaseUrl.");
                }

                page = await ReadAsync(response, ElevenLabsJsonContext.Default.ConversationPage, cancellationToken);
            }

            foreach (var item in page.Conversations ?? [])
            {
                if (!string.IsNullOrEmpty(item.ConversationId))
                {
                    yield return new ConversationSummary(item.ConversationId, item.Status, item.StartTimeUnixSecs);
                }
            }

            cursor = page.HasMore ? page.NextCursor : null;
        }
        while (!string.IsNullOrEmpty(cursor));
    }

    private async Task<HttpResponseMessage> SendAsync(string uri, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or ExecutionRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Polly's rejections are timeouts and an open circuit; a cancellation not asked for is HttpClient's timeout.
            throw new ConversationsApiUnavailableException($"ElevenLabs' Conversations API cannot be reached: {exception.Message}", exception);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
        {
            return response;
        }

        var status = (int)response.StatusCode;
        response.Dispose();
        throw status switch
        {
            401 or 403 => new ConversationsApiRefusedException(status),
            429 or >= 500 or 408 => new ConversationsApiUnavailableException($"ElevenLabs' Conversations API answered {status} after the retries."),
            _ => new InvalidConversationException($"ElevenLabs' Conversations API answered {status}."),
        };
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(body, type, cancellationToken)
                ?? throw new InvalidConversationException("The answer is null.");
        }
        catch (JsonException exception)
        {
            // The path names the field; the message would quote none of its value, but say only what is needed.
            throw new InvalidConversationException($"The answer is not the documented shape at {exception.Path ?? "$"}.", exception);
        }
    }
}
