namespace CallTranscription.WebApi.Startup;

/// <summary>The process's exit codes, as the README lists them for operators.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A setting or the command line is invalid; one line per problem names it.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>The database did not become ready within Database:StartupTimeout.</summary>
    public const int DatabaseUnavailable = 3;

    /// <summary>The server could not listen on its address: the port is taken, or not permitted.</summary>
    public const int CannotListen = 4;
}
