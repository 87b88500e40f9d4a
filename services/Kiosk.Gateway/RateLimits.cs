using System.Net;
using System.Threading.RateLimiting;
using Kiosk.ServiceDefaults.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Kiosk.Gateway;

/// <summary>
/// The limits one client address gets at the kiosk's front door (section <c>Gateway:RateLimits</c>). The gateway is the
/// edge, so the address is the connection's own: a forwarded header from a client is never trusted here.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimits";

    /// <summary>New carts per address: a burst of this many, then <see cref="NewCartsPerMinute"/>.</summary>
    public int NewCartBurst { get; set; } = 10;
    public int NewCartsPerMinute { get; set; } = 10;

    /// <summary>Other anonymous writes (adds, changes, checkouts, form posts) per address: a burst, then a steady rate.</summary>
    public int WriteBurst { get; set; } = 60;
    public int WritesPerMinute { get; set; } = 180;

    /// <summary>Calls that carry a staff key (checked by the service behind) per address, per minute.</summary>
    public int StaffCallsPerMinute { get; set; } = 3_000;

    /// <summary>Requests of one address in flight at once, reads included.</summary>
    public int ConcurrentRequests { get; set; } = 32;

    /// <summary>Networks never limited (CIDR, e.g. <c>10.0.5.0/24</c>): a load balancer's health checks, a load test's host.</summary>
    public List<string> ExemptNetworks { get; set; } = [];
}

public static class RateLimits
{
    public static IServiceCollection AddKioskRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        var exempt = options.ExemptNetworks.Select(IPNetwork.Parse).ToList();

        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    var client = ClientOf(context, exempt);
                    return client is null
                        ? RateLimitPartition.GetNoLimiter("exempt")
                        : RateLimitPartition.GetConcurrencyLimiter(client, _ => new ConcurrencyLimiterOptions
                        {
                            PermitLimit = options.ConcurrentRequests,
                            QueueLimit = 0,
                        });
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    var client = ClientOf(context, exempt);
                    if (client is null || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                    {
                        return RateLimitPartition.GetNoLimiter("reads");
                    }
                    if (context.Request.Headers.ContainsKey(StaffApiKey.HeaderName))
                    {
                        return RateLimitPartition.GetTokenBucketLimiter($"staff:{client}", _ => Bucket(
                            options.StaffCallsPerMinute, options.StaffCallsPerMinute));
                    }
                    if (HttpMethods.IsPost(context.Request.Method) && IsNewCart(context.Request.Path))
                    {
                        return RateLimitPartition.GetTokenBucketLimiter($"carts:{client}", _ => Bucket(
                            options.NewCartBurst, options.NewCartsPerMinute));
                    }
                    return RateLimitPartition.GetTokenBucketLimiter($"writes:{client}", _ => Bucket(
                        options.WriteBurst, options.WritesPerMinute));
                }));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static string? ClientOf(HttpContext context, List<IPNetwork> exempt)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return exempt.Any(network => network.Contains(address)) ? null : address.ToString();
    }

    private static bool IsNewCart(PathString path) =>
        path.Equals("/api/carts", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/carts/", StringComparison.OrdinalIgnoreCase);

    /// <summary>A bucket of <paramref name="burst"/> tokens refilled evenly, a few tokens every few seconds.</summary>
    private static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = Math.Max(1, burst),
        TokensPerPeriod = Math.Max(1, perMinute / 12),
        ReplenishmentPeriod = TimeSpan.FromSeconds(5),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        // A concurrency refusal has no refill time: a second is long enough for the client's own requests to finish.
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This address sent more requests than the kiosk allows; try again in {seconds} s.",
            },
        });
    }
}
