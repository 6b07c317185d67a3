using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Drivers;
using CallTranscription.Domain.Transcriptions;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence;

/// <summary>
/// The one model, shared by every provider. Each provider derives its own context (Sqlite/, Postgres/, SqlServer/)
/// so that each keeps its own migrations and model snapshot (docs/decisions/0009-migrations-per-provider.md).
/// </summary>
public abstract class ApplicationDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Driver> Drivers => Set<Driver>();

    public DbSet<ElevenLabsCallRecord> ElevenLabsCallRecords => Set<ElevenLabsCallRecord>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<Transcription> CallTranscriptions => Set<Transcription>();

    public DbSet<ConversationCheck> ConversationChecks => Set<ConversationCheck>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
