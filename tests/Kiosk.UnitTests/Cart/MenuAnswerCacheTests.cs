using System.Net;
using Kiosk.Cart.Menu;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.UnitTests.Cart;

public sealed class MenuAnswerCacheTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
    private HttpClient? _client;

    [Fact]
    public async Task Repeated_reads_of_an_item_ask_the_menu_once_and_answer_the_same_body()
    {
        var (client, menu) = Build(HttpStatusCode.OK);

        var first = await client.GetStringAsync(new Uri("/api/menu/items/801", UriKind.Relative));
        var second = await client.GetStringAsync(new Uri("/api/menu/items/801", UriKind.Relative));

        Assert.Equal(first, second);
        Assert.Equal(1, menu.Calls);
    }

    [Fact]
    public async Task Different_items_are_kept_apart_and_a_not_found_is_kept_too()
    {
        var (client, menu) = Build(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/menu/items/1", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/menu/items/1", UriKind.Relative))).StatusCode);
        await client.GetAsync(new Uri("/api/menu/items/2", UriKind.Relative));

        Assert.Equal(2, menu.Calls);
    }

    [Fact]
    public async Task A_failed_answer_is_never_kept()
    {
        var (client, menu) = Build(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/api/menu/items/801", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/api/menu/items/801", UriKind.Relative))).StatusCode);

        Assert.Equal(2, menu.Calls);
    }

    public void Dispose()
    {
        _client?.Dispose();
        _services.Dispose();
    }

    private (HttpClient Client, CountingMenu Menu) Build(HttpStatusCode status)
    {
        var menu = new CountingMenu(status);
#pragma warning disable CA2000 // the client owns the handler chain and is disposed with the test
        _client = new HttpClient(new MenuAnswerCache(_services.GetRequiredService<HybridCache>()) { InnerHandler = menu })
        {
            BaseAddress = new Uri("http://menu"),
        };
#pragma warning restore CA2000
        return (_client, menu);
    }

    private sealed class CountingMenu(HttpStatusCode status) : HttpMessageHandler
    {
        private int _calls;
        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            return Task.FromResult(new HttpResponseMessage(status)
            {
                Content = new StringContent($$"""{"path": "{{request.RequestUri!.AbsolutePath}}", "call": {{call}}}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
