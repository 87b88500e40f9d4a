using System.Security.Claims;
using Kiosk.Data;
using Kiosk.ServiceDefaults.Http;
using Kiosk.Web;
using Kiosk.Web.Crew;
using Kiosk.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.Hosting;

public static class KioskWebExtensions
{
    /// <summary>Typed clients for the four services, staff sign-in, and the kiosk's Razor Pages conventions.</summary>
    public static WebApplicationBuilder AddKioskWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // First, so the crew tables and the key table exist before anything (the key ring included) reads them.
        builder.AddKioskDbContext<CrewDbContext>("webdb");
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

        // Cookies and antiforgery tokens are protected with keys kept in webdb: a restart or another replica reads them.
        services.AddDataProtection()
            .SetApplicationName("Kiosk.Web")
            .PersistKeysToDbContext<CrewDbContext>();

        var webOptions = builder.Configuration.GetSection(KioskWebOptions.Section).Get<KioskWebOptions>() ?? new KioskWebOptions();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/staff/signin";
                options.LogoutPath = "/staff/signout";
                options.AccessDeniedPath = "/staff/denied";
                options.Cookie.Name = "kiosk-staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the browser came over HTTPS (as the trusted gateway reports it); plain HTTP on a dev machine still works.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromSeconds(Math.Max(1, webOptions.CrewIdleTimeout.TotalSeconds));
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidateCrewAsync;
                // Behind the gateway this app sees its own internal host; a relative Location keeps the browser on the gateway.
                options.Events.OnRedirectToLogin = context => RedirectRelative(context.Response, context.RedirectUri);
                options.Events.OnRedirectToAccessDenied = context => RedirectRelative(context.Response, context.RedirectUri);
            });
        services.AddAuthorization(CrewPolicies.Add);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<IPasswordHasher<CrewMember>, PasswordHasher<CrewMember>>();
        services.AddScoped<CrewAccounts>();
        services.AddScoped<CrewAudit>();
        services.AddScoped<ManagerApproval>();
        services.AddScoped<SetupCodes>();
        services.AddSingleton<CrewSetup>();
        services.AddHostedService(provider => provider.GetRequiredService<CrewSetup>());
        services.AddHttpClient<ServiceAuditClient>()
            .AddHttpMessageHandler<StaffApiKeyClientHandler>();
        services.AddSingleton(provider => StoreClock.FromConfiguration(builder.Configuration, provider.GetRequiredService<TimeProvider>()));

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Staff");
            options.Conventions.AuthorizePage("/Staff/Cashier", CrewPolicies.Cashier);
            options.Conventions.AuthorizePage("/Staff/Receipt", CrewPolicies.Cashier);
            options.Conventions.AuthorizePage("/Staff/Kitchen", CrewPolicies.Kitchen);
            options.Conventions.AuthorizePage("/Staff/Stock", CrewPolicies.Manager);
            options.Conventions.AuthorizePage("/Staff/Report", CrewPolicies.Manager);
            options.Conventions.AuthorizePage("/Staff/Crew", CrewPolicies.Manager);
            options.Conventions.AuthorizePage("/Staff/Audit", CrewPolicies.Manager);
            options.Conventions.AllowAnonymousToPage("/Staff/SignIn");
            options.Conventions.AllowAnonymousToPage("/Staff/Setup");
            options.Conventions.AllowAnonymousToPage("/Staff/Denied");
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

    /// <summary>
    /// Every request with a crew cookie: the shift's absolute limit (counted from the PIN, not from the last request), and
    /// the account still enabled, so a manager disabling someone signs them out at their next tap.
    /// </summary>
    private static async Task ValidateCrewAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<KioskWebOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var principal = context.Principal;
        var shiftOver = CrewClaims.ShiftIsOver(principal?.FindFirstValue(CrewClaims.SignedInAt), now, options.ShiftLength);
        var enabled = !shiftOver
            && int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.Integer, CultureInfo.InvariantCulture, out var crewId)
            && await services.GetRequiredService<CrewAccounts>().IsEnabledAsync(crewId, context.HttpContext.RequestAborted);
        if (!enabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task RedirectRelative(HttpResponse response, string redirectUri)
    {
        response.Redirect(Uri.TryCreate(redirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : redirectUri);
        return Task.CompletedTask;
    }
}
