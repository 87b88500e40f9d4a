using Kiosk.ServiceDefaults.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Kiosk.Gateway;

/// <summary>
/// Every kiosk reads the menu all day and it changes a few times a day: the gateway answers the public menu reads from
/// a short-lived cache of its own rather than forwarding each one. A menu change sent through this gateway evicts the
/// cache before its answer leaves, so the sender's next read shows it; a change made elsewhere (the crew screens call
/// the menu service directly, or another gateway) shows within <see cref="MaxAge"/>, the bound the menu service already
/// keeps between its own replicas. Staff reads and answers other than 200 are never cached.
/// </summary>
internal static class MenuReadCache
{
    /// <summary>The policy the "menu" route names in appsettings.json (<c>OutputCachePolicy</c>).</summary>
    public const string PolicyName = "menu-reads";

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private const string Tag = "menu";
    private static readonly PathString Menu = "/api/menu";
    private static readonly PathString[] PublicReads = ["/api/menu/categories", "/api/menu/items"];

    public static IServiceCollection AddMenuReadCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(PolicyName, new PublicMenuReads()));

    public static WebApplication UseMenuReadCache(this WebApplication app)
    {
        app.UseOutputCache();
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(Menu) && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                // Evicted as the answer starts, not after it ends: the sender may read again the moment it has the answer.
                context.Response.OnStarting(async () =>
                {
                    if (context.Response.StatusCode is >= 200 and < 300)
                    {
                        await context.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, CancellationToken.None);
                    }
                });
            }
            return next(context);
        });
        return app;
    }

    private static bool IsPublicRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && PublicReads.Any(path => request.Path.StartsWithSegments(path))
        && !request.Headers.ContainsKey(StaffApiKey.HeaderName)
        && !request.Headers.ContainsKey(HeaderNames.Authorization);

    private sealed class PublicMenuReads : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var cacheable = IsPublicRead(context.HttpContext.Request);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            // Kiosks asking for the same read at the same moment wait for one forwarded request.
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = MaxAge;
            context.CacheVaryByRules.QueryKeys = "*";
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var response = context.HttpContext.Response;
            // Only a plain 200 is kept: an error, a 304 (answer to one kiosk's ETag) or anything setting a cookie is not.
            if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}
