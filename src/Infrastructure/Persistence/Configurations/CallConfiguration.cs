using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Drivers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallTranscription.Infrastructure.Persistence.Configurations;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("calls");
        builder.HasKey(c => c.Id).HasName("pk_calls");
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.ConversationId).HasColumnName("conversation_id").HasMaxLength(128);
        builder.Property(c => c.DriverId).HasColumnName("driver_id");
        builder.Property(c => c.CallStartTime).HasColumnName("call_start_time");
        builder.Property(c => c.CallEndTime).HasColumnName("call_end_time");
        builder.Property(c => c.Status).HasColumnName("status").HasMaxLength(16).HasConversion(StoredNames.CallStatus);
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.UpdatedAt).HasColumnName("updated_at");

        builder.HasAlternateKey(c => c.ConversationId).HasName("ak_calls_conversation_id");
        builder.HasIndex(c => c.DriverId).HasDatabaseName("ix_calls_driver_id");
        builder.HasOne<Driver>().WithMany().HasForeignKey(c => c.DriverId)
            .HasConstraintName("fk_calls_drivers_driver_id")
            .OnDelete(DeleteBehavior.Restrict);
    }
}
