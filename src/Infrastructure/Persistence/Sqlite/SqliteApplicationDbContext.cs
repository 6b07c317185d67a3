using Microsoft.EntityFrameworkCore;

namespace CallTranscription.Infrastructure.Persistence.Sqlite;

/// <summary>The model on SQLite, with its migrations in Sqlite/Migrations. SQLite has no schemas.</summary>
public sealed class SqliteApplicationDbContext(DbContextOptions<SqliteApplicationDbContext> options) : ApplicationDbContext(options);
