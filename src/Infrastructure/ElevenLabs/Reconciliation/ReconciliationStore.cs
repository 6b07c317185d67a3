using CallTranscription.Application.Calls.Reconcile;
using CallTranscription.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.ElevenLabs.Reconciliation;

internal static class ReconciliationStore
{
    public static IServiceCollection AddReconciliationStore(this IServiceCollection services, DatabaseProvider provider)
    {
        services.AddScoped<IDueConversations, DueConversations>();
        services.AddScoped<IConversationChecks, ConversationChecks>();
        _ = provider switch
        {
            DatabaseProvider.Postgres => services.AddSingleton<IConversationClaims, PostgresClaims>(),
            DatabaseProvider.SqlServer => services.AddSingleton<IConversationClaims, SqlServerClaims>(),
            _ => services.AddSingleton<IConversationClaims, ProcessLocalClaims>(),
        };
        return services;
    }
}
