using Kiosk.Idempotency;
using Microsoft.AspNetCore.Http;

namespace Kiosk.UnitTests.Idempotency;

public sealed class IdempotencyScopeTests
{
    [Fact]
    public void A_key_counts_per_cart_whatever_the_letter_case_of_its_id()
    {
        var lower = Scope("POST", "/api/carts/01a22efd-cd2a-755e-8527-b83981e542da/items");
        var upper = Scope("POST", "/api/carts/01A22EFD-CD2A-755E-8527-B83981E542DA/items");
        var otherCart = Scope("POST", "/api/carts/01a22efd-cd2a-755e-8527-b83981e542db/items");

        Assert.Equal(lower, upper);
        Assert.NotEqual(lower, otherCart);
    }

    [Fact]
    public void A_key_counts_per_endpoint_with_or_without_a_trailing_slash()
    {
        Assert.Equal("POST /api/payments", Scope("POST", "/api/payments/"));
        Assert.Equal(Scope("POST", "/api/payments"), Scope("post", "/api/payments/"));
        Assert.NotEqual(Scope("POST", "/api/payments"), Scope("POST", "/api/carts"));
    }

    private static string Scope(string method, string path)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        return IdempotencyScope.Of(http.Request);
    }
}
