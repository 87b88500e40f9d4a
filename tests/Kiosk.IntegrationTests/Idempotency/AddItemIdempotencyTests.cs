using static Kiosk.IntegrationTests.Idempotency.IdempotentRequests;

namespace Kiosk.IntegrationTests.Idempotency;

/// <summary>POST /api/carts/{cartId}/items with an Idempotency-Key, through the gateway: a repeat adds nothing more.</summary>
[Collection(KioskCollection.Name)]
public sealed class AddItemIdempotencyTests(KioskAppFixture fixture)
{
    private readonly KioskClient _kiosk = new(fixture);

    private HttpClient Customer => _kiosk.Customer;

    [Fact]
    public async Task The_same_add_sent_twice_with_one_key_adds_the_quantity_once_and_answers_the_same_cart()
    {
        var cartId = await _kiosk.NewCartAsync();
        var key = NewKey();

        var first = await PostAsync(Customer, $"/api/carts/{cartId}/items", new { menuItemId = 101, quantity = 2 }, key);
        var again = await PostAsync(Customer, $"/api/carts/{cartId}/items", new { menuItemId = 101, quantity = 2 }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(IsReplay(first));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(IsReplay(again));
        Assert.Equal(await BodyAsync(first), await BodyAsync(again));
        Assert.Equal(2, await QuantityAsync(cartId, 101));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422_and_adds_nothing()
    {
        var cartId = await _kiosk.NewCartAsync();
        var key = NewKey();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Customer, $"/api/carts/{cartId}/items", new { menuItemId = 101, quantity = 1 }, key)).StatusCode);

        var other = await PostAsync(Customer, $"/api/carts/{cartId}/items", new { menuItemId = 801, quantity = 1 }, key);

        var problem = await KioskClient.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem["detail"]!.GetValue<string>());
        Assert.Equal(0, await QuantityAsync(cartId, 801));
    }

    [Fact]
    public async Task Ten_concurrent_adds_with_one_key_add_the_quantity_once()
    {
        var cartId = await _kiosk.NewCartAsync();
        var key = NewKey();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => PostAsync(Customer, $"/api/carts/{cartId}/items", new { menuItemId = 201, quantity = 3 }, key)));

        var carts = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        Assert.NotEmpty(carts);
        foreach (var answer in answers.Except(carts))
        {
            Assert.True(await IsStillProcessingAsync(answer),
                $"A concurrent repeat answered {(int)answer.StatusCode}: {await BodyAsync(answer)}");
        }
        Assert.Single((await Task.WhenAll(carts.Select(BodyAsync))).Distinct());
        Assert.Equal(3, await QuantityAsync(cartId, 201));
    }

    [Fact]
    public async Task Five_concurrent_taps_with_five_keys_each_add_their_quantity()
    {
        var cartId = await _kiosk.NewCartAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => PostAsync(Customer, $"/api/carts/{cartId}/items", new { menuItemId = 202, quantity = 1 }, NewKey())));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(5, await QuantityAsync(cartId, 202));
    }

    [Fact]
    public async Task A_key_counts_per_cart_so_the_same_key_on_another_cart_adds_there()
    {
        var firstCart = await _kiosk.NewCartAsync();
        var secondCart = await _kiosk.NewCartAsync();
        var key = NewKey();

        await PostAsync(Customer, $"/api/carts/{firstCart}/items", new { menuItemId = 301, quantity = 1 }, key);
        var elsewhere = await PostAsync(Customer, $"/api/carts/{secondCart}/items", new { menuItemId = 301, quantity = 1 }, key);

        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.False(IsReplay(elsewhere));
        Assert.Equal(1, await QuantityAsync(firstCart, 301));
        Assert.Equal(1, await QuantityAsync(secondCart, 301));
    }

    [Fact]
    public async Task A_refusal_caused_by_the_body_is_replayed_as_it_was()
    {
        var cartId = await _kiosk.NewCartAsync();
        var key = NewKey();

        var refused = await PostAsync(Customer, $"/api/carts/{cartId}/items", new { menuItemId = 999, quantity = 1 }, key);
        var again = await PostAsync(Customer, $"/api/carts/{cartId}/items", new { menuItemId = 999, quantity = 1 }, key);

        await KioskClient.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.True(IsReplay(again));
        Assert.Equal(await BodyAsync(refused), await BodyAsync(again));
    }

    [Fact]
    public async Task Without_a_key_a_repeated_add_adds_again_as_before()
    {
        var cartId = await _kiosk.NewCartAsync();

        var first = await PostAsync(Customer, $"/api/carts/{cartId}/items", new { menuItemId = 401, quantity = 1 }, null);
        var again = await PostAsync(Customer, $"/api/carts/{cartId}/items", new { menuItemId = 401, quantity = 1 }, null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(IsReplay(again));
        Assert.Equal(2, await QuantityAsync(cartId, 401));
    }

    private async Task<int> QuantityAsync(string cartId, int menuItemId)
    {
        var cart = await Customer.GetFromJsonAsync<JsonObject>($"/api/carts/{cartId}");
        return cart!["items"]!.AsArray()
            .Where(line => line!["menuItemId"]!.GetValue<int>() == menuItemId)
            .Sum(line => line!["quantity"]!.GetValue<int>());
    }
}
