using System.Text;
using CallTranscription.WebApi.ErrorHandling;
using CallTranscription.WebApi.Webhooks;
using Microsoft.AspNetCore.Http;

namespace CallTranscription.WebApi.UnitTests.Webhooks;

/// <summary>The per-turn body, read whole up to its limit, whether or not it declares its length.</summary>
public class WebhookBodyTests
{
    private const int Limit = 64;

    [TestCase(true)]
    [TestCase(false)]
    public async Task ShouldReadABodyUpToTheLimit(bool declaresLength)
    {
        var body = Encoding.UTF8.GetBytes(new string('x', Limit));

        Assert.That(await WebhookBody.ReadAsync(Request(body, declaresLength), Limit, CancellationToken.None), Is.EqualTo(body));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void ShouldRefuseABodyOverTheLimit(bool declaresLength)
    {
        var refused = Assert.ThrowsAsync<BadHttpRequestException>(() =>
            WebhookBody.ReadAsync(Request(new byte[Limit + 1], declaresLength), Limit, CancellationToken.None));

        Assert.That(refused!.StatusCode, Is.EqualTo(StatusCodes.Status413PayloadTooLarge), "as Kestrel refuses it, and answered in the same words");
    }

    [Test]
    public void ShouldRefuseABodyWithoutAMediaTypeBeforeReadingIt()
    {
        var request = Request(new byte[Limit * 2], declaresLength: true);
        request.ContentType = null;

        Assert.That(Assert.ThrowsAsync<RequestRejectedException>(() => WebhookBody.ReadAsync(request, Limit, CancellationToken.None))!.StatusCode,
            Is.EqualTo(StatusCodes.Status415UnsupportedMediaType));
    }

    private static HttpRequest Request(byte[] body, bool declaresLength)
    {
        var request = new DefaultHttpContext().Request;
        request.ContentType = "application/json";
        request.Body = new MemoryStream(body);
        request.ContentLength = declaresLength ? body.Length : null;
        return request;
    }
}
