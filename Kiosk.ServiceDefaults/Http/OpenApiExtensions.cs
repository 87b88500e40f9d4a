using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Kiosk.ServiceDefaults.Http;

public static class OpenApiExtensions
{
    /// <summary>
    /// Serves the service's OpenAPI document under its public route prefix (e.g. <c>/api/menu/openapi/v1.json</c>)
    /// so the gateway exposes it with no extra route, and a browsable reference at <c>/api/menu/docs</c> in Development.
    /// </summary>
    public static WebApplication MapKioskOpenApi(this WebApplication app, string routePrefix)
    {
        app.MapOpenApi($"/api/{routePrefix}/openapi/{{documentName}}.json");
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference($"/api/{routePrefix}/docs", options =>
                options.WithOpenApiRoutePattern($"/api/{routePrefix}/openapi/{{documentName}}.json"));
        }
        return app;
    }

    public static IServiceCollection AddKioskOpenApi(this IServiceCollection services, string title) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = title;
            return Task.CompletedTask;
        }));
}
