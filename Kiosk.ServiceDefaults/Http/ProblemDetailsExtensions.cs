using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.ServiceDefaults.Http;

/// <summary>Every error a Kiosk API answers is RFC 7807 problem+json with a message a person can act on.</summary>
public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddKioskProblemDetails(this IServiceCollection services)
    {
        // Malformed bodies throw instead of answering a bare 400, so the handler below can say what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var error = context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (error is BadHttpRequestException badRequest)
            {
                context.ProblemDetails.Title = "The request is not valid";
                context.ProblemDetails.Detail = badRequest.InnerException is JsonException json
                    ? DescribeJsonError(json)
                    : badRequest.Message;
            }
            context.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString());
        });
        return services;
    }

    private static string DescribeJsonError(JsonException error) =>
        string.IsNullOrEmpty(error.Path) || error.Path == "$"
            ? "The request body is not valid JSON."
            : $"The request body is not valid: the value of '{error.Path.TrimStart('$', '.')}' has the wrong type or format.";

    public static WebApplication UseKioskProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = error => error is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }
}
