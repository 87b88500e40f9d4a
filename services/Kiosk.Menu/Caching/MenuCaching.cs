using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kiosk.Menu.Caching;

/// <summary>
/// The menu changes rarely and is read by every kiosk all day: its reads are answered from an output cache, carry an
/// <c>ETag</c> so a kiosk that already has the menu gets a 304 without a body, and a change of availability evicts them.
/// </summary>
public static class MenuCaching
{
    private const string Policy = "menu";
    private const string Tag = "menu";

    /// <summary>
    /// The longest a cached read lives. A replica evicts its own cache on every change; this bounds how long another
    /// replica may still show the old availability (the sold-out switch must be visible within a second).
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    public static IHostApplicationBuilder AddMenuCaching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy.Expire(MaxAge).Tag(Tag)));
        return builder;
    }

    /// <summary>Caches the group's GET endpoints, tags their answers with an ETag, and evicts them when a write succeeds.</summary>
    public static RouteGroupBuilder WithMenuCaching(this RouteGroupBuilder group)
    {
        group.CacheOutput(Policy);
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var result = await next(context);
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            {
                return WithETag(http, result);
            }
            if (Succeeded(result))
            {
                await http.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, http.RequestAborted);
            }
            return result;
        });
        return group;
    }

    /// <summary>A strong ETag from the answer's JSON, so every replica gives the same menu the same tag.</summary>
    private static object? WithETag(HttpContext http, object? result)
    {
        if (Unwrap(result) is not IValueHttpResult { Value: { } value } || !Succeeded(result))
        {
            return result;
        }
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json));
        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(hash, 0, 16).TrimEnd('=')}\"");
        http.Response.Headers.ETag = etag.ToString();
        if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var known)
            && known.Any(k => k.Equals(EntityTagHeaderValue.Any) || k.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return result;
    }

    private static bool Succeeded(object? result) =>
        Unwrap(result) is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };

    private static object? Unwrap(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }
        return result;
    }
}
