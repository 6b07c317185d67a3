namespace CallTranscription.WebApi;

internal static class DefaultUrl
{
    public const string Loopback = "http://127.0.0.1:5080";

    /// <summary>
    /// Loopback unless told otherwise. Set in code, not appsettings.json, where it would override ASPNETCORE_URLS.
    /// </summary>
    public static WebApplicationBuilder ListenOnLoopbackByDefault(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["urls"] ?? builder.Configuration["http_ports"] ?? builder.Configuration["https_ports"];
        if (string.IsNullOrEmpty(configured) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(Loopback);
        }

        return builder;
    }
}
