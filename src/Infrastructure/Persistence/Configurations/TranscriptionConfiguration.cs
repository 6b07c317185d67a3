using CallTranscription.Application.Transcriptions.Common;
using CallTranscription.Domain.Calls;
using CallTranscription.Domain.Transcriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallTranscription.Infrastructure.Persistence.Configurations;

internal sealed class TranscriptionConfiguration : IEntityTypeConfiguration<Transcription>
{
    public void Configure(EntityTypeBuilder<Transcription> builder)
    {
        builder.ToTable("call_transcriptions");
        builder.HasKey(t => t.Id).HasName("pk_call_transcriptions");
        builder.Property(t => t.Id).HasColumnName("id");
        builder.Property(t => t.ConversationId).HasColumnName("conversation_id").HasMaxLength(128);
        builder.Property(t => t.SpeakerType).HasColumnName("speaker_type").HasMaxLength(16).HasConversion(StoredNames.SpeakerType);
        builder.Property(t => t.MessageText).HasColumnName("message_text");
        builder.Property(t => t.Timestamp).HasColumnName("timestamp");
        builder.Property(t => t.SequenceNumber).HasColumnName("sequence_number");
        builder.Property(t => t.ContentHash).HasColumnName("content_hash").HasMaxLength(ContentHash.Length).IsFixedLength();
        builder.Property(t => t.CreatedAt).HasColumnName("created_at");

        // Also serves "latest sequence number of a conversation" and ordered reads.
        builder.HasIndex(t => new { t.ConversationId, t.SequenceNumber }).IsUnique()
            .HasDatabaseName("ux_call_transcriptions_conversation_id_sequence_number");
        builder.HasIndex(t => new { t.ConversationId, t.ContentHash }).IsUnique()
            .HasDatabaseName("ux_call_transcriptions_conversation_id_content_hash");
        builder.HasOne<Call>().WithMany().HasForeignKey(t => t.ConversationId).HasPrincipalKey(c => c.ConversationId)
            .HasConstraintName("fk_call_transcriptions_calls_conversation_id")
            .OnDelete(DeleteBehavior.Restrict);
    }
}
