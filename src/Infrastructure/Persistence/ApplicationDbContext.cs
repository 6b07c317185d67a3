using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Drivers;
using CallTranscription.Domain.Transcriptions;
using CallTranscription.Infrastructure.Persistence.Schema;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// The one model, shared by every provider. Each provider derives its own context (Sqlite/, Postgres/, SqlServer/)
/// so that each keeps its own migrations and model snapshot (docs/decisions/0009-migrations-per-provider.md).
/// </summary>
public abstract class ApplicationDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The schema the tables live in (Database:Schema, from the options); null for the connection's default.</summary>
    public string? Schema { get; } = options.FindExtension<DatabaseSchemaOptionsExtension>()?.Schema;

    public DbSet<Driver> Drivers => Set<Driver>();

    public DbSet<ElevenLabsCallRecord> ElevenLabsCallRecords => Set<ElevenLabsCallRecord>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<Transcription> CallTranscriptions => Set<Transcription>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Schema is not null)
        {
            modelBuilder.HasDefaultSchema(Schema);
        }

        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
