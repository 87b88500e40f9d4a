using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.ServiceDefaults.Http;

/// <summary>
/// Caps every request body (<c>Kiosk:Http:MaxRequestBodyBytes</c>, default 64 KB; Kestrel's own default is 30 MB):
/// nothing a kiosk, a crew screen or a service sends comes near it. A declared length over the cap is answered 413
/// problem+json before anything is read; a chunked body fails with 413 when it crosses the cap.
/// </summary>
public static class RequestBodyLimit
{
    public const string ConfigurationKey = "Kiosk:Http:MaxRequestBodyBytes";
    public const long DefaultBytes = 64 * 1024;

    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = configuration.GetValue(ConfigurationKey, DefaultBytes);
        services.AddSingleton<IStartupFilter>(new RequestBodyLimitFilter(limit));
        return services;
    }

    private sealed class RequestBodyLimitFilter(long limit) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.ContentLength > limit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status413PayloadTooLarge,
                            Title = "The request body is too large",
                            Detail = $"The body has {context.Request.ContentLength} bytes; at most {limit} are accepted.",
                        },
                    });
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = limit;
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
