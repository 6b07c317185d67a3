using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Drivers;
using CallTranscription.Domain.Transcriptions;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence;

public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : DbContext(options)
{
    public DbSet<Driver> Drivers => Set<Driver>();

    public DbSet<ElevenLabsCallRecord> ElevenLabsCallRecords => Set<ElevenLabsCallRecord>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<Transcription> CallTranscriptions => Set<Transcription>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
}
