using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallTranscription.Infrastructure.Persistence.Schema;

/// <summary>
/// Database:Schema carried in the context's options rather than its constructor, so that server databases can pool
/// their contexts (a pooled context is built from its options alone).
/// </summary>
internal sealed class DatabaseSchemaOptionsExtension(string? schema) : IDbContextOptionsExtension
{
    public string? Schema { get; } = schema;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
        // The schema shapes the model (SchemaModelCacheKeyFactory), not EF Core's internal services.
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(DatabaseSchemaOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => extension.Schema is null ? "" : $"Schema={extension.Schema} ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["CallTranscription:Schema"] = extension.Schema ?? "";
    }
}
