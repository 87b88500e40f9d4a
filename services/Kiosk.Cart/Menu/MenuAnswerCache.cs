using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Caching.Hybrid;

namespace Kiosk.Cart.Menu;

/// <summary>
/// Keeps the menu service's answers to item reads for <see cref="MaxAge"/>, so a cart does not ask the menu again for
/// every add (with many kiosks, mostly the same few items). Short on purpose: an item switched to sold out is refused by
/// every cart within that bound. Concurrent reads of one item share one request. Only 200 and 404 are kept; a failure
/// is never cached.
/// </summary>
public sealed class MenuAnswerCache(HybridCache cache) : DelegatingHandler
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = MaxAge, LocalCacheExpiration = MaxAge };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is not { } uri)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var key = "menu-answer:" + uri.PathAndQuery;
        var answer = await cache.GetOrCreateAsync(key, (Handler: this, Request: request),
            static async (state, ct) => await state.Handler.FetchAsync(state.Request, ct), Entry, cancellationToken: cancellationToken);
        if (answer.Status is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
        {
            await cache.RemoveAsync(key, cancellationToken);
        }
        return answer.ToResponse(request);
    }

    private async Task<MenuAnswer> FetchAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await base.SendAsync(request, cancellationToken);
        return new MenuAnswer(response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }
}

/// <summary>One answer of the menu service, as kept in the cache; never changed once made, so the cache hands out the instance.</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record MenuAnswer(HttpStatusCode Status, string? ContentType, byte[] Body)
{
    public HttpResponseMessage ToResponse(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(Body);
        if (ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }
        return new HttpResponseMessage(Status) { Content = content, RequestMessage = request };
    }
}
