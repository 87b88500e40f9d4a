using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kiosk.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Kiosk.Audit;

public static class AuditEndpoints
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    /// <summary>Registers <see cref="AuditTrail"/> for entries marked with this service's <paramref name="serviceName"/>.</summary>
    public static IHostApplicationBuilder AddAuditTrail(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new AuditServiceName(serviceName));
        builder.Services.AddScoped<AuditTrail>();
        return builder;
    }

    /// <summary>Maps <c>GET /api/{service}/audit</c>: the staff read of this service's audit trail, newest first.</summary>
    public static RouteHandlerBuilder MapAuditTrail<TContext>(this IEndpointRouteBuilder app, string routePrefix)
        where TContext : DbContext =>
        app.MapGet($"/api/{routePrefix}/audit", ListAsync<TContext>)
            .WithName($"Get{CultureInfo.InvariantCulture.TextInfo.ToTitleCase(routePrefix)}AuditTrail")
            .WithTags("Audit")
            .WithSummary("Staff: who did what, when and from where, newest first")
            .WithDescription(
                "Query: `from`, `to` (ISO 8601 instants; from inclusive, to exclusive), `action`, `crewId`, `limit` (default "
                + $"{DefaultLimit}, at most {MaxLimit}). A call made with the staff API key and no crew member has crewId "
                + $"`{CrewHeaders.MachineClient}`. 400 names a malformed parameter.")
            .RequireStaffApiKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static async Task<Results<Ok<List<AuditEntryResponse>>, ValidationProblem>> ListAsync<TContext>(
        string? from, string? to, string? action, string? crewId, string? limit, TContext db, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        var errors = new Dictionary<string, string[]>();
        var fromInstant = ParseInstant("from", from, errors);
        var toInstant = ParseInstant("to", to, errors);
        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"Limit must be a whole number from 1 to {MaxLimit}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The audit query is not valid",
                detail: string.Join(" ", errors.Values.SelectMany(messages => messages)));
        }

        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (fromInstant is { } start)
        {
            entries = entries.Where(e => e.At >= start);
        }
        if (toInstant is { } end)
        {
            entries = entries.Where(e => e.At < end);
        }
        if (!string.IsNullOrEmpty(action))
        {
            entries = entries.Where(e => e.Action == action);
        }
        if (!string.IsNullOrEmpty(crewId))
        {
            entries = entries.Where(e => e.CrewId == crewId);
        }
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.ConvertAll(AuditEntryResponse.From));
    }

    private static DateTimeOffset? ParseInstant(string field, string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUniversalTime();
        }
        errors[field] = [$"{field} must be an ISO 8601 instant, e.g. 2026-12-01T08:00:00Z."];
        return null;
    }
}

[OpenApiExample("""
    { "at": "2026-12-01T09:15:02.123456+00:00", "service": "payments", "action": "payment.taken",
      "subject": "0193a1e2-7c5e-7b7d-9a51-0c2f4b8e9d10", "crewId": "7", "crewName": "Ana Reyes", "crewRole": "Cashier",
      "approvedBy": null, "clientAddress": "192.168.1.20",
      "details": { "orderNumber": 12, "invoiceNumber": "SI-00000042", "amountDue": 128.00, "amountPaid": 150.00 } }
    """)]
public sealed record AuditEntryResponse(
    DateTimeOffset At, string Service, string Action, string Subject, string CrewId, string? CrewName, string? CrewRole,
    string? ApprovedBy, string? ClientAddress, AuditDetails Details)
{
    public static AuditEntryResponse From(AuditEntry entry)
    {
        using var details = JsonDocument.Parse(entry.Details);
        return new(entry.At, entry.Service, entry.Action, entry.Subject, entry.CrewId, entry.CrewName, entry.CrewRole,
            entry.ApprovedBy, entry.ClientAddress, new AuditDetails(details.RootElement.Clone()));
    }
}

/// <summary>The action's facts as recorded: a JSON object whose fields depend on the action.</summary>
[OpenApiExample("""
    { "orderNumber": 12, "invoiceNumber": "SI-00000042", "amountDue": 128.00, "amountPaid": 150.00 }
    """)]
[JsonConverter(typeof(AuditDetailsConverter))]
public sealed class AuditDetails(JsonElement value)
{
    public JsonElement Value { get; } = value;
}

internal sealed class AuditDetailsConverter : JsonConverter<AuditDetails>
{
    public override AuditDetails Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, AuditDetails value, JsonSerializerOptions options) =>
        value.Value.WriteTo(writer);
}
