using System.Text;

namespace CallTranscription.WebApi.FunctionalTests.Transcriptions;

/// <param name="DetailsFragment">Text the error details must contain, so the rejection is for the stated reason.</param>
public sealed record HostileInputCase(string Name, byte[] Body, string? ContentType, int ExpectedStatus, string DetailsFragment)
{
    public static HostileInputCase Json(string name, string body, string detailsFragment, int expectedStatus = 400) =>
        new(name, Encoding.UTF8.GetBytes(body), "application/json", expectedStatus, detailsFragment);

    public override string ToString() => Name;
}
