namespace CallTranscription.Infrastructure.Persistence.Schema;

/// <summary>Database:Schema, as each provider's Configure takes it: null keeps the connection's default schema.</summary>
public sealed record DatabaseSchema(string? Name)
{
    public static readonly DatabaseSchema Default = new((string?)null);

    /// <summary>An empty setting (`Database__Schema=`) means none, as if it were not set.</summary>
    public static DatabaseSchema From(string? name) => string.IsNullOrWhiteSpace(name) ? Default : new(name);
}
