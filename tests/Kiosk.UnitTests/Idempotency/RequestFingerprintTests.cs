using System.Text;
using System.Text.Json;
using Kiosk.Payments.Apis;
using Kiosk.Idempotency;

namespace Kiosk.UnitTests.Idempotency;

public sealed class RequestFingerprintTests
{
    private const string Route = "POST /api/payments";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Whitespace_and_member_order_do_not_change_the_fingerprint()
    {
        var compact = Hash("""{"orderId":"f0b2308b-081b-4dd7-8c5e-8e55fb53352f","amountPaid":300.00}""");
        var spaced = Hash("""
            {
              "amountPaid": 300.00,
              "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f"
            }
            """);

        Assert.Equal(compact, spaced);
    }

    [Fact]
    public void Another_value_gives_another_fingerprint()
    {
        Assert.NotEqual(
            Hash("""{"orderId":"f0b2308b-081b-4dd7-8c5e-8e55fb53352f","amountPaid":300.00}"""),
            Hash("""{"orderId":"f0b2308b-081b-4dd7-8c5e-8e55fb53352f","amountPaid":500.00}"""));
    }

    [Fact]
    public void Nested_members_are_sorted_too_but_array_order_counts()
    {
        Assert.Equal(Hash("""{"a":{"y":1,"x":[1,2]}}"""), Hash("""{"a":{"x":[1,2],"y":1}}"""));
        Assert.NotEqual(Hash("""{"a":[1,2]}"""), Hash("""{"a":[2,1]}"""));
    }

    [Fact]
    public void The_same_body_to_another_route_or_with_another_method_gives_another_fingerprint()
    {
        var body = RequestFingerprint.CanonicalJson("""{"menuItemId":101,"quantity":1}"""u8);

        var first = RequestFingerprint.Compute("POST", "POST /api/carts/01a213ba-7a67-774e-9bcd-3a96c5b91aaf/items", body);
        var otherCart = RequestFingerprint.Compute("POST", "POST /api/carts/01a213ba-7a67-774e-9bcd-3a96c5b91aab/items", body);
        var otherMethod = RequestFingerprint.Compute("PUT", "POST /api/carts/01a213ba-7a67-774e-9bcd-3a96c5b91aaf/items", body);

        Assert.NotEqual(first, otherCart);
        Assert.NotEqual(first, otherMethod);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void A_bound_request_has_the_canonical_form_of_the_JSON_it_was_read_from()
    {
        var request = new TakePaymentRequest(Guid.Parse("f0b2308b-081b-4dd7-8c5e-8e55fb53352f"), 300.00m);

        var fromObject = RequestFingerprint.CanonicalBody(request, Web);
        var fromJson = RequestFingerprint.CanonicalJson("""{ "amountPaid": 300.00, "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f" }"""u8);

        Assert.Equal(Encoding.UTF8.GetString(fromJson), Encoding.UTF8.GetString(fromObject));
    }

    [Fact]
    public void No_body_and_a_body_that_is_not_JSON_still_have_a_stable_fingerprint()
    {
        Assert.Equal("null", Encoding.UTF8.GetString(RequestFingerprint.CanonicalBody(null, Web)));
        Assert.Equal("not json", Encoding.UTF8.GetString(RequestFingerprint.CanonicalJson("not json"u8)));
        Assert.Equal(Hash("not json"), Hash("not json"));
    }

    private static string Hash(string json) =>
        RequestFingerprint.Compute("POST", Route, RequestFingerprint.CanonicalJson(Encoding.UTF8.GetBytes(json)));
}
