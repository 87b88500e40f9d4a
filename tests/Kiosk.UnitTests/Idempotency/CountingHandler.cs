using System.Net;

namespace Kiosk.UnitTests.Idempotency;

/// <summary>The end of a client's pipeline: answers every request with 503 and counts how many reached it.</summary>
internal sealed class CountingHandler : HttpMessageHandler
{
    private int _attempts;

    public int Attempts => _attempts;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request });
    }
}
