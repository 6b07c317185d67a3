using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.Startup;

/// <summary>The addresses the server is told to listen on: <c>urls</c>, or else <c>http_ports</c> and <c>https_ports</c>.</summary>
internal sealed class ServerUrls
{
    public string? Urls { get; set; }

    [ConfigurationKeyName("http_ports")]
    public string? HttpPorts { get; set; }

    [ConfigurationKeyName("https_ports")]
    public string? HttpsPorts { get; set; }
}

/// <summary>
/// Kestrel reads a port it cannot parse as part of the host name, and listens on every interface for a host name other
/// than localhost, so `http://127.0.0.1:notaport` would expose the service on port 80 instead of failing. Every
/// interface is asked for by name: *, + or 0.0.0.0.
/// </summary>
internal sealed class ServerUrlsValidator : IValidateOptions<ServerUrls>
{
    public ValidateOptionsResult Validate(string? name, ServerUrls options)
    {
        List<string> failures =
        [
            .. Split(options.Urls).Where(url => !IsListenUrl(url)).Select(url => $"urls (ASPNETCORE_URLS, --urls) has '{url}', which is not an address to listen on; "
                + "expected http:// or https://, a host (an IP address, localhost, * or +) and a port from 0 to 65535, e.g. http://127.0.0.1:5080."),
            .. Split(options.HttpPorts).Where(port => !IsPort(port)).Select(port => $"http_ports (ASPNETCORE_HTTP_PORTS) has '{port}', which is not a port from 0 to 65535."),
            .. Split(options.HttpsPorts).Where(port => !IsPort(port)).Select(port => $"https_ports (ASPNETCORE_HTTPS_PORTS) has '{port}', which is not a port from 0 to 65535."),
        ];
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string[] Split(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static bool IsListenUrl(string url)
    {
        try
        {
            var address = BindingAddress.Parse(url);
            return address.Scheme.ToLowerInvariant() is "http" or "https"
                && address.PathBase.Length == 0
                && (address.IsUnixPipe || address.IsNamedPipe || (IsHost(address.Host) && address.Port is >= 0 and <= 65535));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsHost(string host) =>
        host is "*" or "+"
        || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host.Trim('[', ']'), out _);

    private static bool IsPort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535;
}
