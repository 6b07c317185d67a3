using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

/// <summary>The model on PostgreSQL, with its migrations in Postgres/Migrations.</summary>
public sealed class PostgresApplicationDbContext(DbContextOptions<PostgresApplicationDbContext> options) : ApplicationDbContext(options);
