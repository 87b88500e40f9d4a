using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Kiosk.ServiceDefaults.Http;

public static class OpenApiExtensions
{
    /// <summary>The name of the staff key's security scheme in every document.</summary>
    public const string StaffApiKeyScheme = "staff-api-key";

    /// <summary>
    /// Serves the service's OpenAPI document under its public route prefix (e.g. <c>/api/menu/openapi/v1.json</c>)
    /// so the gateway exposes it with no extra route, and a browsable reference at <c>/api/menu/docs</c> in Development.
    /// Outside Development the document needs the staff key: it maps every staff route for whoever asks.
    /// </summary>
    public static WebApplication MapKioskOpenApi(this WebApplication app, string routePrefix)
    {
        var document = app.MapOpenApi($"/api/{routePrefix}/openapi/{{documentName}}.json");
        if (!app.Environment.IsDevelopment())
        {
            document.RequireStaffApiKey();
        }
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference($"/api/{routePrefix}/docs", options =>
                options.WithOpenApiRoutePattern($"/api/{routePrefix}/openapi/{{documentName}}.json"));
        }
        return app;
    }

    /// <summary>
    /// Adds the OpenAPI document with what a client developer needs beyond the generated shapes: the staff key on
    /// staff-only endpoints, examples on schemas (<see cref="OpenApiExampleAttribute"/>) and problem+json errors.
    /// </summary>
    public static IServiceCollection AddKioskOpenApi(this IServiceCollection services, string title) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = title;
                // The generated server is the service's own address, which no client can reach; "/" keeps "try it"
                // in the reference on the gateway that served the document.
                document.Servers = [new OpenApiServer { Url = "/" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[StaffApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = StaffApiKey.HeaderName,
                    Description = "Staff endpoints (cashier, kitchen, stock) need the staff API key; without it they answer 401.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(MarkStaffOnly);
            options.AddSchemaTransformer(DescribeSchema);
        });

    private static Task MarkStaffOnly(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<StaffOnlyMetadata>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(StaffApiKeyScheme, context.Document)] = [],
        });
        if (operation.Responses?.TryGetValue("401", out var unauthorized) == true
            && unauthorized.Content?.TryGetValue("application/problem+json", out var problem) == true)
        {
            problem.Example = JsonNode.Parse(StaffKeyMissingExample);
        }
        return Task.CompletedTask;
    }

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        // Money is decimal; "double" (the default) would lead generated clients straight back to floating-point pesos.
        if (context.JsonTypeInfo.Type == typeof(decimal) || context.JsonTypeInfo.Type == typeof(decimal?))
        {
            schema.Format = "decimal";
        }

        var type = context.JsonTypeInfo.Type;
        // Only whole types: a property of that type is a reference to the same schema and shows its example. A type used
        // only as a property (a request's optional object) is described there and nowhere else, so it takes its example there.
        if (context.JsonPropertyInfo is not null && type.GetCustomAttribute<OpenApiExampleAttribute>() is null)
        {
            return Task.CompletedTask;
        }

        var example = type.GetCustomAttribute<OpenApiExampleAttribute>()?.Json
            ?? (type == typeof(HttpValidationProblemDetails) ? ValidationProblemExample
                : type == typeof(ProblemDetails) ? ProblemExample
                : null);
        if (example is not null)
        {
            schema.Examples = [JsonNode.Parse(example)!];
        }
        return Task.CompletedTask;
    }

    // Real answers, captured from a running system (see FLOW.md).
    private const string ProblemExample = """
        {
          "type": "https://tools.ietf.org/html/rfc9110#section-15.5.10",
          "title": "Sold out",
          "status": 409,
          "detail": "Halo-Halo is sold out.",
          "traceId": "00-b4732677242e33db8bd1c9dc08d58bc5-30fe425750f5307e-01"
        }
        """;

    private const string ValidationProblemExample = """
        {
          "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
          "title": "The request is not valid",
          "status": 400,
          "detail": "Quantity must be between 1 and 20 (was 0).",
          "errors": { "quantity": ["Quantity must be between 1 and 20 (was 0)."] },
          "traceId": "00-1e47feee846e5bc77e2dd2c89179d800-2ddb930409e96581-01"
        }
        """;

    private const string StaffKeyMissingExample = """
        {
          "type": "https://tools.ietf.org/html/rfc9110#section-15.5.2",
          "title": "Staff API key required",
          "status": 401,
          "detail": "This is a staff endpoint: send the staff API key in the X-Api-Key header.",
          "traceId": "00-bf0cd1a74428eb789ea1881df083e5f4-32d0898391b05482-01"
        }
        """;
}

/// <summary>An example value (JSON) for a request or response type, shown in the service's OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OpenApiExampleAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}
