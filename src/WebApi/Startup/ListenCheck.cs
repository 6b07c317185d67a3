using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CallTranscription.WebApi.Startup;

/// <summary>
/// Tries each address Kestrel is about to listen on, as Kestrel binds it, so that a port that is taken (or not
/// permitted) stops the service before it touches the database, with one line; the host's own failure to bind logs a
/// stack trace.
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

        foreach (var url in ListenAddresses.Urls(app.Configuration))
        {
            var address = BindingAddress.Parse(url);
            if (!address.IsUnixPipe && !address.IsNamedPipe && address.Port != 0 && Bind(address) is { } error)
            {
                return $"Cannot listen on {url}: {new SocketException((int)error).Message}.";
            }
        }

        return null;
    }

    // The error Kestrel would stop on, or null. Like Kestrel: localhost needs one loopback of the two, and neither in
    // use; * and + take every interface over IPv6 (dual-mode) and fall back to IPv4 unless the port is in use.
    private static SocketError? Bind(BindingAddress address)
    {
        var port = address.Port;
        if (address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            var v4 = TryBind(new IPEndPoint(IPAddress.Loopback, port));
            var v6 = Socket.OSSupportsIPv6 ? TryBind(new IPEndPoint(IPAddress.IPv6Loopback, port)) : SocketError.AddressFamilyNotSupported;
            return v4 == SocketError.AddressAlreadyInUse || v6 == SocketError.AddressAlreadyInUse ? SocketError.AddressAlreadyInUse
                : v4 is not null && v6 is not null ? v4
                : null;
        }

        if (address.Host is "*" or "+")
        {
            var any = Socket.OSSupportsIPv6 ? TryBind(new IPEndPoint(IPAddress.IPv6Any, port)) : SocketError.AddressFamilyNotSupported;
            return any is null or SocketError.AddressAlreadyInUse ? any : TryBind(new IPEndPoint(IPAddress.Any, port));
        }

        return TryBind(new IPEndPoint(IPAddress.Parse(address.Host.Trim('[', ']')), port));
    }

    private static SocketError? TryBind(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(endpoint);
            return null;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode;
        }
    }
}
