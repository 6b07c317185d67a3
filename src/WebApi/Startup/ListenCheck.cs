using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CallTranscription.WebApi.Startup;

/// <summary>
/// Tries each address Kestrel is about to listen on, so that a port that is taken (or not permitted) stops the service
/// before it touches the database, with one line; the host's own failure to bind logs a stack trace.
/// </summary>
internal static class ListenCheck
{
    public static string? Problem(WebApplication app)
    {
        var kestrel = app.Services.GetRequiredService<IServer>().GetType().Assembly == typeof(KestrelServerOptions).Assembly;
        if (!kestrel || app.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            return null; // an in-memory test server, or endpoints Kestrel binds from its own section
        }

        foreach (var url in Urls(app.Configuration))
        {
            var address = BindingAddress.Parse(url);
            if (address.IsUnixPipe || address.IsNamedPipe || address.Port == 0)
            {
                continue;
            }

            foreach (var endpoint in EndPoints(address))
            {
                using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                if (endpoint.Address.Equals(IPAddress.IPv6Any))
                {
                    socket.DualMode = true;
                }

                try
                {
                    socket.Bind(endpoint);
                }
                catch (SocketException exception)
                {
                    return $"Cannot listen on {url}: {exception.Message}.";
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> Urls(IConfiguration configuration)
    {
        static string[] Split(string? value) => value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

        var urls = Split(configuration["urls"]);
        return urls.Length > 0
            ? urls
            : [.. Split(configuration["http_ports"]).Select(port => $"http://*:{port}"), .. Split(configuration["https_ports"]).Select(port => $"https://*:{port}")];
    }

    // As Kestrel binds them: localhost on both loopbacks, * and + on every interface (IPv6 dual-mode where there is IPv6).
    private static IEnumerable<IPEndPoint> EndPoints(BindingAddress address)
    {
        if (address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            yield return new IPEndPoint(IPAddress.Loopback, address.Port);
            if (Socket.OSSupportsIPv6)
            {
                yield return new IPEndPoint(IPAddress.IPv6Loopback, address.Port);
            }
        }
        else if (address.Host is "*" or "+")
        {
            yield return new IPEndPoint(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, address.Port);
        }
        else
        {
            yield return new IPEndPoint(IPAddress.Parse(address.Host.Trim('[', ']')), address.Port);
        }
    }
}
