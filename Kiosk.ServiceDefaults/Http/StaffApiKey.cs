using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;
using System.Text;

namespace Kiosk.ServiceDefaults.Http;

/// <summary>
/// Staff-only endpoints (cashier, kitchen, stock) require the <c>X-Api-Key</c> header to match <c>Kiosk:StaffApiKey</c>,
/// which the AppHost passes from its <c>staff-api-key</c> secret parameter.
/// </summary>
public static class StaffApiKey
{
    public const string HeaderName = "X-Api-Key";
    public const string ConfigurationKey = "Kiosk:StaffApiKey";

    public static TBuilder RequireStaffApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var configuration = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>();
            var expected = configuration[ConfigurationKey];
            var presented = context.HttpContext.Request.Headers[HeaderName].ToString();

            if (string.IsNullOrEmpty(expected) || !FixedTimeEquals(expected, presented))
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Staff API key required",
                    detail: $"This is a staff endpoint: send the staff API key in the {HeaderName} header.");
            }

            return await next(context);
        });
        builder.WithMetadata(new StaffOnlyMetadata());
        return builder;
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}

/// <summary>Marks an endpoint as staff-only, so the OpenAPI document can say so.</summary>
public sealed record StaffOnlyMetadata;
