using System.Net.Sockets;

namespace CallTranscription.WebApi.Startup;

internal static class Serving
{
    /// <summary>
    /// Serves until shutdown. Failing to listen (the port was taken after <see cref="ListenCheck"/> tried it, or an
    /// address from the Kestrel section) ends the process with <see cref="ExitCodes.CannotListen"/>, not a crash.
    /// </summary>
    public static async Task<int> ServeAsync(this WebApplication app)
    {
        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (Exception exception) when (exception is IOException or SocketException)
            {
                Console.Error.WriteLine($"Cannot listen: {exception.Message}");
                return ExitCodes.CannotListen;
            }

            await app.WaitForShutdownAsync();
            return ExitCodes.Success;
        }
    }
}
