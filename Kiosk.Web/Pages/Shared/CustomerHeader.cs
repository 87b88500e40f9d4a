namespace Kiosk.Web.Pages.Shared;

/// <summary>The customer's top bar: the dining option, and "Start over", which asks first when the cart has items.</summary>
public sealed record CustomerHeader(string DiningOption, int ItemCount);
