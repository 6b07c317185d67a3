using CallTranscription.Domain.Drivers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallTranscription.Infrastructure.Persistence.Configurations;

internal sealed class ElevenLabsCallRecordConfiguration : IEntityTypeConfiguration<ElevenLabsCallRecord>
{
    public void Configure(EntityTypeBuilder<ElevenLabsCallRecord> builder)
    {
        builder.ToTable("elevenlabs_call_records");
        builder.HasKey(r => r.Id).HasName("pk_elevenlabs_call_records");
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.ConversationId).HasColumnName("conversation_id").HasMaxLength(128);
        builder.Property(r => r.DriverId).HasColumnName("driver_id");
        builder.Property(r => r.PhoneNumber).HasColumnName("phone_number").HasMaxLength(20);
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");

        builder.HasIndex(r => r.ConversationId).IsUnique().HasDatabaseName("ux_elevenlabs_call_records_conversation_id");
        builder.HasIndex(r => r.DriverId).HasDatabaseName("ix_elevenlabs_call_records_driver_id");
        builder.HasOne<Driver>().WithMany().HasForeignKey(r => r.DriverId)
            .HasConstraintName("fk_elevenlabs_call_records_drivers_driver_id")
            .OnDelete(DeleteBehavior.Restrict);
    }
}
