using System.Net;
using System.Security.Cryptography;
using System.Text;
using CallTranscription.WebApi.FunctionalTests.Infrastructure;
using CallTranscription.WebApi.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CallTranscription.WebApi.FunctionalTests.PostCall;

/// <summary>Audio events are base64 MP3, chunked, often tens of MB: streamed and discarded, never held.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Once))]
public class PostCallAudioTests(DatabaseKind kind) : PostCallTestBase(kind)
{
    private const int AudioBytes = 25 * 1024 * 1024;

    [Test]
    public async Task ShouldDiscardA25MegabyteAudioEventWithBoundedMemory()
    {
        var signature = Sign(PostCallSecret, new GeneratedAudioEvent(AudioBytes));
        await SendAsync(PostCallPath, new GeneratedAudioEvent(1024), Sign(PostCallSecret, new GeneratedAudioEvent(1024))); // warm the path up

        // The in-process test client copies a request body itself; a path the service never reads measures that copy.
        var (unread, harness) = await AllocatedWhileAsync(() => SendAsync("/webhooks/elevenlabs/nowhere", new GeneratedAudioEvent(AudioBytes), signature));
        var (response, total) = await AllocatedWhileAsync(() => SendAsync(PostCallPath, new GeneratedAudioEvent(AudioBytes), signature));

        Assert.That(unread.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(response)).GetProperty("type").GetString(), Is.EqualTo("post_call_audio"));
        var byTheService = total - harness;
        Assert.That(byTheService, Is.LessThan(2 * 1024 * 1024), $"the service allocated {byTheService:N0} bytes for a {AudioBytes:N0}-byte body");
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ShouldRejectALargeAudioEventWhoseSignatureDoesNotMatch()
    {
        var response = await SendAsync(PostCallPath, new GeneratedAudioEvent(AudioBytes / 5), Sign("wsec_someone_else", new GeneratedAudioEvent(AudioBytes / 5)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ShouldRefuseAnEventLargerThanATranscriptMayBeWhoseTypeComesAfterItsData()
    {
        Stream Body() => new GeneratedEvent("{\"data\":{\"conversation_id\":\"conv_audio_first\",\"full_audio\":\"", AudioBytes + (8 << 20),
            "\"},\"event_timestamp\":1767702345,\"type\":\"post_call_audio\"}");

        var response = await SendAsync(PostCallPath, Body(), Sign(PostCallSecret, Body()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((await ReadJsonAsync(response)).GetProperty("details").GetString(), Does.Contain("type is not within its first"));
    }

    [Test]
    public async Task ShouldRefuseATranscriptLargerThanItsLimit()
    {
        Stream Body() => new GeneratedEvent("{\"type\":\"post_call_transcription\",\"event_timestamp\":1767702345,\"data\":{\"conversation_id\":\"conv_huge\",\"padding\":\"",
            AudioBytes + (8 << 20), "\"}}");

        var response = await SendAsync(PostCallPath, Body(), Sign(PostCallSecret, Body()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await QueryAsync(db => db.Calls.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ShouldFindTheTypeAfterTheAudio()
    {
        var body = Encoding.UTF8.GetBytes(
            "{\"data\":{\"conversation_id\":\"conv_type_last\",\"full_audio\":\"" + new string('A', 300_000) + "\"},"
            + $"\"event_timestamp\":{StartedAt.ToUnixTimeSeconds()},\"type\":\"post_call_audio\"}}");

        var response = await PostCallAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(response)).GetProperty("type").GetString(), Is.EqualTo("post_call_audio"));
    }

    private static string Sign(string secret, Stream body)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{now}."));
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = body.Read(buffer)) > 0)
        {
            hmac.AppendData(buffer.AsSpan(0, read));
        }

        return $"t={now},v0={Convert.ToHexStringLower(hmac.GetHashAndReset())}";
    }

    private static async Task<(T Result, long Allocated)> AllocatedWhileAsync<T>(Func<Task<T>> action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await action();
        return (result, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private sealed class GeneratedAudioEvent(int audioBytes) : GeneratedEvent(
        "{\"type\":\"post_call_audio\",\"event_timestamp\":1767702345,\"data\":{\"agent_id\":\"agent_01\",\"conversation_id\":\"conv_audio\",\"full_audio\":\"",
        audioBytes,
        "\"}}");

    private Task<HttpResponseMessage> SendAsync(string path, Stream body, string signature)
    {
        // No Content-Length: sent chunked, as ElevenLabs sends audio.
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StreamContent(body, 64 * 1024) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.HeaderName, signature);
        request.Headers.TransferEncodingChunked = true;
        return Client.SendAsync(request);
    }

    /// <summary>An event made up as it is read — its prefix, base64 filler, its suffix — so the test itself holds none of it.</summary>
    private class GeneratedEvent(string prefix, int audioBytes, string suffix) : Stream
    {
        private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);
        private readonly byte[] _suffix = Encoding.UTF8.GetBytes(suffix);
        private long _position;

        private long TotalLength => _prefix.Length + audioBytes + _suffix.Length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length && _position < TotalLength)
            {
                buffer[written++] = ByteAt(_position++);
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private byte ByteAt(long position) =>
            position < _prefix.Length ? _prefix[position]
            : position < _prefix.Length + audioBytes ? (byte)"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(int)(position % 64)]
            : _suffix[position - _prefix.Length - audioBytes];
    }
}
