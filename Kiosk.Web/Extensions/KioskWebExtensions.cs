using Kiosk.ServiceDefaults.Http;
using Kiosk.Web;
using Kiosk.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.Hosting;

public static class KioskWebExtensions
{
    /// <summary>Typed clients for the four services, staff sign-in, and the kiosk's Razor Pages conventions.</summary>
    public static WebApplicationBuilder AddKioskWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<KioskWebOptions>(builder.Configuration.GetSection(KioskWebOptions.Section));
        services.Configure<StoreIdentity>(builder.Configuration.GetSection(StoreIdentity.Section));
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);

        services.AddTransient<StaffApiKeyClientHandler>();
        // The service defaults give every client one shared pipeline; these clients replace it with their own
        // (RemoveAllResilienceHandlers is marked experimental, and is the documented way to do this).
#pragma warning disable EXTEXP0001
        services.AddHttpClient<MenuClient>(http => http.BaseAddress = new("http://menu"))
            .AddHttpMessageHandler<StaffApiKeyClientHandler>()
            .RemoveAllResilienceHandlers().AddStandardResilienceHandler(ForTouchScreen);
        services.AddHttpClient<CartClient>(http => http.BaseAddress = new("http://cart"))
            .RemoveAllResilienceHandlers().AddStandardResilienceHandler(ForTouchScreen);
        services.AddHttpClient<OrdersClient>(http => http.BaseAddress = new("http://orders"))
            .AddHttpMessageHandler<StaffApiKeyClientHandler>()
            .RemoveAllResilienceHandlers().AddStandardResilienceHandler(ForTouchScreen);
        services.AddHttpClient<PaymentsClient>(http => http.BaseAddress = new("http://payments"))
            .AddHttpMessageHandler<StaffApiKeyClientHandler>()
            .RemoveAllResilienceHandlers().AddStandardResilienceHandler(ForTouchScreen);
#pragma warning restore EXTEXP0001

        services.AddHttpContextAccessor();
        services.AddScoped(provider => LanguageCookie.Read(provider.GetRequiredService<IHttpContextAccessor>().HttpContext));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/staff/signin";
                options.LogoutPath = "/staff/signout";
                options.AccessDeniedPath = "/staff/signin";
                options.Cookie.Name = "kiosk-staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                // Behind the gateway this app sees its own internal host; a relative Location keeps the browser on the gateway.
                options.Events.OnRedirectToLogin = context => RedirectRelative(context.Response, context.RedirectUri);
                options.Events.OnRedirectToAccessDenied = context => RedirectRelative(context.Response, context.RedirectUri);
            });
        services.AddAuthorization();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(provider => StoreClock.FromConfiguration(builder.Configuration, provider.GetRequiredService<TimeProvider>()));

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Staff");
            options.Conventions.AllowAnonymousToPage("/Staff/SignIn");
        });

        return builder;
    }

    // Someone standing at a touch screen should see "try again" within seconds, not after the default 30 s of retries.
    private static void ForTouchScreen(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(4);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(300);
        // A POST whose answer was lost may have taken effect (an item added, cash taken): it is sent again only with an
        // Idempotency-Key or when the endpoint is idempotent by design, so the service recognises the repeat.
        options.Retry.RetryOnlySafeRequests();
    }

    private static Task RedirectRelative(HttpResponse response, string redirectUri)
    {
        response.Redirect(Uri.TryCreate(redirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : redirectUri);
        return Task.CompletedTask;
    }
}
