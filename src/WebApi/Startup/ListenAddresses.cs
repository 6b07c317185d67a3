using System.Globalization;
using System.Net;

namespace CallTranscription.WebApi.Startup;

/// <summary>
/// Checks the addresses Kestrel will listen on. Kestrel reads a port it cannot parse as part of the host name, and
/// listens on every interface for a host name other than localhost, so `http://127.0.0.1:notaport` would expose the
/// service on port 80 instead of failing. Every interface is asked for by name: *, + or 0.0.0.0.
/// </summary>
internal static class ListenAddresses
{
    private const string UrlsKey = "urls";
    private const string HttpPortsKey = "http_ports";
    private const string HttpsPortsKey = "https_ports";
    private static readonly string[] _portKeys = [HttpPortsKey, HttpsPortsKey];

    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        foreach (var url in Split(configuration[UrlsKey]))
        {
            if (!IsListenUrl(url))
            {
                yield return $"urls (ASPNETCORE_URLS, --urls) has '{url}', which is not an address to listen on; "
                    + "expected http:// or https://, a host (an IP address, localhost, * or +) and a port from 0 to 65535, "
                    + "e.g. http://127.0.0.1:5080.";
            }
        }

        foreach (var key in _portKeys)
        {
            foreach (var port in Split(configuration[key]))
            {
                if (!IsPort(port))
                {
                    yield return $"{key} (ASPNETCORE_{key.ToUpperInvariant()}) has '{port}', which is not a port from 0 to 65535.";
                }
            }
        }
    }

    /// <summary>
    /// The URLs Kestrel binds from these settings: <c>urls</c>, or else every interface on each of <c>http_ports</c>
    /// and <c>https_ports</c>.
    /// </summary>
    public static IReadOnlyList<string> Urls(IConfiguration configuration)
    {
        var urls = Split(configuration[UrlsKey]);
        return urls.Length > 0
            ? urls
            : [.. Split(configuration[HttpPortsKey]).Select(port => $"http://*:{port}"), .. Split(configuration[HttpsPortsKey]).Select(port => $"https://*:{port}")];
    }

    private static string[] Split(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static bool IsListenUrl(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        var scheme = address.Scheme.ToLowerInvariant();
        if (scheme is not ("http" or "https") || address.PathBase.Length > 0)
        {
            return false;
        }

        return address.IsUnixPipe || address.IsNamedPipe || (IsHost(address.Host) && address.Port is >= 0 and <= 65535);
    }

    private static bool IsHost(string host) =>
        host is "*" or "+"
        || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host.Trim('[', ']'), out _);

    private static bool IsPort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535;
}
