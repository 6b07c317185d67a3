using Npgsql;

namespace CallTranscription.Infrastructure.Persistence.Postgres;

internal static class PostgresFaults
{
    private const string UniqueViolation = "23505";
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";

    public static bool IsConflict(Exception exception) =>
        exception is PostgresException { SqlState: UniqueViolation or SerializationFailure or DeadlockDetected };

    public static bool IsTransient(Exception exception) => exception is NpgsqlException { IsTransient: true };
}
