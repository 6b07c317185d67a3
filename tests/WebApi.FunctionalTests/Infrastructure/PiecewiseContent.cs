using System.Net;

namespace CallTranscription.WebApi.FunctionalTests.Infrastructure;

/// <summary>A body of no declared length, written in pieces, each flushed and a moment apart.</summary>
internal sealed class PiecewiseContent(byte[] body, int pieces) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var size = (body.Length + pieces - 1) / pieces;
        for (var offset = 0; offset < body.Length; offset += size)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(size, body.Length - offset)));
            await stream.FlushAsync();
            await Task.Delay(50);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
