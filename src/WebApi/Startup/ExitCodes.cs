using System.Net.Sockets;
using CallTranscription.Infrastructure.Persistence;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Startup;

/// <summary>The process's exit codes, as the README lists them for operators, and the start-up failure each one means.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A setting or the command line is invalid; one line per problem names it.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>The database cannot be used: a permanent error at once, a transient one after Database:StartupTimeout.</summary>
    public const int DatabaseUnavailable = 3;

    /// <summary>The server could not listen on its address: the port is taken, or not permitted.</summary>
    public const int CannotListen = 4;

    /// <summary>The exit code for a start-up failure, and the lines that name its cause; null for a bug, which crashes.</summary>
    internal static (int Code, IEnumerable<string> Lines)? Of(Exception exception) => exception switch
    {
        OptionsValidationException invalid => (InvalidConfiguration, Invalid(invalid.Failures)),
        AggregateException { InnerExceptions: var all } when all.All(inner => inner is OptionsValidationException) =>
            (InvalidConfiguration, Invalid(all.Cast<OptionsValidationException>().SelectMany(invalid => invalid.Failures))),
        InvalidConfigurationException invalid => (InvalidConfiguration, Invalid([invalid.Message])),
        DatabaseUnavailableException unavailable => (DatabaseUnavailable, [$"Startup failed: {unavailable.Message}"]),
        IOException { InnerException: AddressInUseException or SocketException } or SocketException => (CannotListen, [$"Cannot listen: {exception.Message}"]),
        _ => null,
    };

    private static IEnumerable<string> Invalid(IEnumerable<string> failures) => failures.Select(failure => $"Invalid configuration: {failure}");
}
