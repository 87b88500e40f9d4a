using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.ServiceDefaults.Http;

/// <summary>
/// Staff-only endpoints (cashier, kitchen, stock) require the <c>X-Api-Key</c> header to match <c>Kiosk:StaffApiKey</c>,
/// which the AppHost passes from its <c>staff-api-key</c> secret parameter. The key is an authentication scheme, so it is
/// checked by the authorization middleware before the endpoint reads the body: an anonymous caller gets 401, never a
/// 400 that describes the schema.
/// </summary>
public static class StaffApiKey
{
    public const string HeaderName = "X-Api-Key";
    public const string ConfigurationKey = "Kiosk:StaffApiKey";
    public const string Scheme = "StaffApiKey";
    public const string Policy = "staff";

    /// <summary>Registers the scheme and the <see cref="Policy"/> policy; every app gets them from the service defaults.</summary>
    public static IServiceCollection AddStaffApiKey(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, StaffApiKeyAuthentication>(Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static TBuilder RequireStaffApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(Policy);
        builder.WithMetadata(new StaffOnlyMetadata());
        return builder;
    }

    /// <summary>
    /// Compares hashes in constant time: equal-length inputs, so neither the time taken nor an early exit tells a caller
    /// how long the key is or how much of it matched.
    /// </summary>
    internal static bool Matches(string? expected, string? presented) =>
        !string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}

/// <summary>Marks an endpoint as staff-only, so the OpenAPI document can say so.</summary>
public sealed record StaffOnlyMetadata;

/// <summary>Authenticates a machine client by the staff API key and answers a missing or wrong key with problem+json.</summary>
internal sealed class StaffApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[StaffApiKey.HeaderName].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!StaffApiKey.Matches(configuration[StaffApiKey.ConfigurationKey], presented))
        {
            return Task.FromResult(AuthenticateResult.Fail("The staff API key does not match."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "staff-api-client")], StaffApiKey.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), StaffApiKey.Scheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Staff API key required",
                Detail = $"This is a staff endpoint: send the staff API key in the {StaffApiKey.HeaderName} header.",
            },
        });
    }
}

/// <summary>
/// Sends the staff API key on every call of an HTTP client that calls staff endpoints of another service, with the acting
/// crew member (see <see cref="CrewHeaders"/>) when the call is made for a signed-in crew member: the web app's crew
/// claims, or the crew headers of the staff call a service is itself answering.
/// </summary>
public sealed class StaffApiKeyClientHandler(IConfiguration configuration, IHttpContextAccessor? httpContextAccessor = null) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = configuration[StaffApiKey.ConfigurationKey];
        if (!string.IsNullOrEmpty(key))
        {
            request.Headers.Remove(StaffApiKey.HeaderName);
            request.Headers.Add(StaffApiKey.HeaderName, key);
        }
        foreach (var header in CrewHeaders.All)
        {
            request.Headers.Remove(header);
        }
        if (httpContextAccessor?.HttpContext is { } context)
        {
            foreach (var (header, value) in ActingCrewHeaders(context))
            {
                request.Headers.TryAddWithoutValidation(header, CrewHeaders.Encode(value));
            }
        }
        return base.SendAsync(request, cancellationToken);
    }

    internal static IEnumerable<(string Header, string Value)> ActingCrewHeaders(HttpContext context)
    {
        var user = context.User;
        if (user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } crewId)
        {
            // The web app: the signed-in crew member's claims.
            yield return (CrewHeaders.CrewId, crewId);
            if (user.FindFirst(ClaimTypes.Name)?.Value is { Length: > 0 } name)
            {
                yield return (CrewHeaders.CrewName, name);
            }
            var roles = string.Join(",", user.FindAll(ClaimTypes.Role).Select(role => role.Value));
            if (roles.Length > 0)
            {
                yield return (CrewHeaders.CrewRole, roles);
            }
            if (context.Items[CrewHeaders.ApprovedByItem] is string { Length: > 0 } approvedBy)
            {
                yield return (CrewHeaders.ApprovedBy, approvedBy);
            }
            if (context.Connection.RemoteIpAddress is { } address)
            {
                yield return (CrewHeaders.ClientAddress, address.ToString());
            }
        }
        else if (user.Identity is { IsAuthenticated: true, AuthenticationType: StaffApiKey.Scheme })
        {
            // A service answering a staff call passes on who it is acting for; the headers are trusted only here.
            foreach (var header in CrewHeaders.All)
            {
                if (CrewHeaders.Decode(context.Request.Headers[header].ToString()) is { } value)
                {
                    yield return (header, value);
                }
            }
        }
    }
}
