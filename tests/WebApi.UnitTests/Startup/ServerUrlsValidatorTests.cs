using CallTranscription.WebApi.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CallTranscription.WebApi.UnitTests.Startup;

public class ServerUrlsValidatorTests
{
    [TestCase("http://127.0.0.1:5080")]
    [TestCase("http://localhost:5080")]
    [TestCase("http://*:8080")]
    [TestCase("http://+:8080")]
    [TestCase("http://0.0.0.0:8080")]
    [TestCase("http://[::1]:5080")]
    [TestCase("https://127.0.0.1:5443")]
    [TestCase("http://127.0.0.1")]
    [TestCase("http://127.0.0.1:0")]
    [TestCase("http://127.0.0.1:5080;http://[::1]:5080")]
    [TestCase("http://unix:/run/calltranscription.sock")]
    public void ShouldAcceptAnAddressToListenOn(string urls) => Assert.That(Problems(("urls", urls)), Is.Empty);

    [TestCase("http://127.0.0.1:notaport")]
    [TestCase("http://127.0.0.1:")]
    [TestCase("http://127.0.0.1:65536")]
    [TestCase("http://127.0.0.1:-1")]
    [TestCase("http://:5080")]
    [TestCase("127.0.0.1:5080")]
    [TestCase("ftp://127.0.0.1:21")]
    [TestCase("http://service.internal:5080")]
    [TestCase("http://127.0.0.1:5080/base")]
    [TestCase("http://127.0.0.1:5080;http://127.0.0.1:notaport")]
    public void ShouldRefuseWhatIsNotAnAddressToListenOn(string urls) =>
        Assert.That(Problems(("urls", urls)), Has.One.StartsWith("urls (ASPNETCORE_URLS, --urls) has '"));

    [TestCase("http_ports", "8080;8081", 0)]
    [TestCase("http_ports", "eighty", 1)]
    [TestCase("https_ports", "70000", 1)]
    public void ShouldCheckPortLists(string key, string ports, int problems) =>
        Assert.That(Problems((key, ports)), Has.Count.EqualTo(problems));

    // As the service reads them: bound from the root of its configuration.
    private static List<string> Problems(params (string Key, string Value)[] settings)
    {
        var urls = new ServerUrls();
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build()
            .Bind(urls);
        return [.. new ServerUrlsValidator().Validate(Options.DefaultName, urls).Failures ?? []];
    }
}
