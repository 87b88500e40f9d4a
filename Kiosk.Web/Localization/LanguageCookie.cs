namespace Kiosk.Web.Localization;

/// <summary>The customer's chosen language, kept in a cookie so every screen of the session uses it.</summary>
public static class LanguageCookie
{
    public const string Name = "kiosk-lang";

    public static UiText Read(HttpContext? context) => Strings.For(context?.Request.Cookies[Name]);

    public static void Write(HttpResponse response, string lang) =>
        response.Cookies.Append(Name, Strings.For(lang).Lang, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
        });
}
