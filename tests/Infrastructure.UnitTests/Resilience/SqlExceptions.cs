using System.Reflection;
using Microsoft.Data.SqlClient;

namespace CallTranscription.Infrastructure.UnitTests.Resilience;

/// <summary>
/// SqlException has no public constructor; SqlClient builds them from SqlErrors internally, and so does this, through
/// reflection, so that classification is tested on the very type the provider throws.
/// </summary>
public static class SqlExceptions
{
    private const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Instance;

    public static SqlException WithErrorNumber(int number)
    {
        var errors = (SqlErrorCollection)Activator.CreateInstance(typeof(SqlErrorCollection), nonPublic: true)!;
        typeof(SqlErrorCollection).GetMethod("Add", Internal)!.Invoke(errors, [Error(number)]);
        var create = typeof(SqlException).GetMethod(
            "CreateException", BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqlErrorCollection), typeof(string)])!;
        return (SqlException)create.Invoke(null, [errors, "16.00.4135"])!;
    }

    private static SqlError Error(int number)
    {
        // SqlError(int infoNumber, byte errorState, byte errorClass, string server, string errorMessage, string procedure, int lineNumber, ...)
        var constructor = typeof(SqlError).GetConstructors(Internal)
            .Where(c => c.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(int))
            .OrderByDescending(c => c.GetParameters().Length)
            .First();
        var arguments = constructor.GetParameters().Select((parameter, index) => index == 0 ? number : DefaultFor(parameter.ParameterType)).ToArray();
        return (SqlError)constructor.Invoke(arguments);
    }

    private static object? DefaultFor(Type type) =>
        type == typeof(string) ? "test" : type.IsValueType ? Activator.CreateInstance(type) : null;
}
