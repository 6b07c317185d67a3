namespace CallTranscription.WebApi.Webhooks;

/// <summary>Carries the conversation being handled to code that runs after the controller, such as error logging.</summary>
public static class HttpContextConversationExtensions
{
    private const string Key = "conversation_id";

    public static void SetConversationId(this HttpContext context, string? conversationId) => context.Items[Key] = conversationId;

    public static string? GetConversationId(this HttpContext context) => context.Items.TryGetValue(Key, out var value) ? value as string : null;
}
