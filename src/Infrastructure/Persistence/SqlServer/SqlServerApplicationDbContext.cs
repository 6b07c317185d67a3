using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.SqlServer;

/// <summary>The model on SQL Server, with its migrations in SqlServer/Migrations.</summary>
public sealed class SqlServerApplicationDbContext(DbContextOptions<SqlServerApplicationDbContext> options) : ApplicationDbContext(options);
