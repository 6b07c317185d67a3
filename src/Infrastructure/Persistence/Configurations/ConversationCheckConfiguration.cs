using CallTranscription.Domain.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallTranscription.Infrastructure.Persistence.Configurations;

internal sealed class ConversationCheckConfiguration : IEntityTypeConfiguration<ConversationCheck>
{
    public void Configure(EntityTypeBuilder<ConversationCheck> builder)
    {
        builder.ToTable("reconciliation_checks");
        builder.HasKey(c => c.ConversationId).HasName("pk_reconciliation_checks");
        builder.Property(c => c.ConversationId).HasColumnName("conversation_id").HasMaxLength(128);
        builder.Property(c => c.Checks).HasColumnName("checks");
        builder.Property(c => c.LastCheckedAt).HasColumnName("last_checked_at");
        builder.Property(c => c.NextCheckAt).HasColumnName("next_check_at");
        builder.Property(c => c.GivenUpAt).HasColumnName("given_up_at");
    }
}
