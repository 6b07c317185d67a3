using CallTranscription.Domain.Drivers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallTranscription.Infrastructure.Persistence.Configurations;

internal sealed class DriverConfiguration : IEntityTypeConfiguration<Driver>
{
    public void Configure(EntityTypeBuilder<Driver> builder)
    {
        builder.ToTable("drivers");
        builder.HasKey(d => d.Id).HasName("pk_drivers");
        builder.Property(d => d.Id).HasColumnName("id");
        builder.Property(d => d.FullName).HasColumnName("full_name").HasMaxLength(200);
        builder.Property(d => d.PhoneNumber).HasColumnName("phone_number").HasMaxLength(20);
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
    }
}
