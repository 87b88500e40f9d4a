using Kiosk.Contracts;
using Kiosk.Web.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kiosk.UnitTests.Idempotency;

/// <summary>
/// The web app's real client pipelines (as <c>AddKioskWeb</c> builds them), ending in a handler that always answers 503:
/// a POST is sent again only when the service will recognise the repeat.
/// </summary>
public sealed class WebClientRetryTests : IDisposable
{
    private const int AttemptsWithRetries = 3;

    private readonly CountingHandler _service = new();
    private readonly WebApplication _app;

    public WebClientRetryTests()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddKioskWeb();
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => _service));
        _app = builder.Build();
    }

    [Fact]
    public async Task A_payment_with_its_key_is_sent_again_after_a_transient_failure()
    {
        var payments = _app.Services.GetRequiredService<PaymentsClient>();

        var paid = await payments.PayAsync(Guid.NewGuid(), 300.00m, IdempotencyKeys.New(), CancellationToken.None);

        Assert.Equal(503, paid.Problem?.StatusCode);
        Assert.Equal(AttemptsWithRetries, _service.Attempts);
    }

    [Fact]
    public async Task A_POST_to_payments_without_a_key_is_sent_once()
    {
        var http = _app.Services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(PaymentsClient));

        using var body = new StringContent("{}");
        using var response = await http.PostAsync("/api/payments", body);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(1, _service.Attempts);
    }

    [Fact]
    public async Task Adding_an_item_with_its_key_is_sent_again_and_creating_a_cart_is_not()
    {
        var carts = _app.Services.GetRequiredService<CartClient>();

        await carts.AddItemAsync(Guid.NewGuid(), 101, 1, IdempotencyKeys.New(), CancellationToken.None);
        Assert.Equal(AttemptsWithRetries, _service.Attempts);

        await carts.CreateAsync(CancellationToken.None);
        Assert.Equal(AttemptsWithRetries + 1, _service.Attempts);
    }

    [Fact]
    public async Task Checkout_is_sent_again_because_it_answers_the_same_order_every_time()
    {
        var carts = _app.Services.GetRequiredService<CartClient>();

        await carts.CheckoutAsync(Guid.NewGuid(), DiningOptions.DineIn, CancellationToken.None);

        Assert.Equal(AttemptsWithRetries, _service.Attempts);
    }

    [Fact]
    public void The_key_a_form_posts_is_kept_and_a_missing_or_broken_one_is_replaced()
    {
        var rendered = IdempotencyKeys.New();

        Assert.Equal(rendered, IdempotencyKeys.FromForm(rendered));
        Assert.Null(IdempotencyKey.Reject(IdempotencyKeys.FromForm(null)));
        Assert.NotEqual("ключ", IdempotencyKeys.FromForm("ключ"));
    }

    public void Dispose() => ((IDisposable)_app).Dispose();
}
