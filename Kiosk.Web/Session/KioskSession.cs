namespace Kiosk.Web.Session;

/// <summary>
/// One customer's visit: the cart id and dining option live in cookies on the kiosk's browser,
/// so a transient service error never loses the cart, and starting over simply forgets them.
/// </summary>
public static class KioskSession
{
    private const string CartCookie = "kiosk-cart";
    private const string DiningCookie = "kiosk-dining";
    private const string SuggestedCookie = "kiosk-suggested";

    public static Guid? CartId(HttpRequest request) =>
        Guid.TryParse(request.Cookies[CartCookie], out var id) ? id : null;

    public static string DiningOptionOf(HttpRequest request) =>
        request.Cookies[DiningCookie] is { } value && DiningOptions.IsKnown(value) ? value : DiningOptions.DineIn;

    public static void Begin(HttpResponse response, Guid cartId, string diningOption)
    {
        response.Cookies.Append(CartCookie, cartId.ToString(), Options);
        response.Cookies.Append(DiningCookie, diningOption, Options);
    }

    /// <summary>The dessert suggestion is offered once per order: true once this cart has been shown it.</summary>
    public static bool WasSuggested(HttpRequest request, Guid cartId) => request.Cookies[SuggestedCookie] == cartId.ToString();

    public static void MarkSuggested(HttpResponse response, Guid cartId) =>
        response.Cookies.Append(SuggestedCookie, cartId.ToString(), Options);

    public static void End(HttpResponse response)
    {
        response.Cookies.Delete(SuggestedCookie);
        response.Cookies.Delete(CartCookie);
        response.Cookies.Delete(DiningCookie);
        response.Cookies.Delete(LanguageCookie.Name);
    }

    // A session cookie: closing the browser or starting over is a new customer.
    private static CookieOptions Options => new() { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax };
}
