namespace CallTranscription.WebApi.Startup;

public static class ExitCodes
{
    public const int Success = 0;
    public const int InvalidConfiguration = 2;
    public const int DatabaseUnavailable = 3;
}
