using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kiosk.KafkaBroker;

/// <summary>
/// The HTTP surface: readiness and the topic list always; the outage and error-injection switches for tests only with
/// <see cref="BrokerOptions.ControlApi"/> (otherwise <c>/broker/*</c> is not mapped and answers 404).
/// </summary>
internal static class BrokerApi
{
    public static WebApplication MapBrokerApi(this WebApplication app)
    {
        // Healthy means a Kafka client gets metadata through the client port, not merely that this process runs.
        app.MapGet("/health", Results<Ok<string>, ProblemHttpResult> (MetadataProbe probe, KafkaBroker broker) =>
            probe.IsServing()
                ? TypedResults.Ok("Healthy")
                : TypedResults.Problem(
                    detail: $"No metadata from {broker.BootstrapServers} (broker {(broker.IsDown ? "set down" : "not answering")}).",
                    statusCode: StatusCodes.Status503ServiceUnavailable));

        app.MapGet("/topics", (KafkaBroker broker) => TypedResults.Ok(broker.Topics));
        if (app.Services.GetRequiredService<BrokerOptions>().ControlApi)
        {
            MapControlSwitches(app);
        }
        return app;
    }

    private static void MapControlSwitches(WebApplication app)
    {
        // Switches that break the broker on purpose answer only callers on this machine (the listener is loopback-only
        // as well; this holds even if that ever changes).
        var control = app.MapGroup("/broker").AddEndpointFilter(LoopbackOnly);

        control.MapPost("/down", async (KafkaBroker broker) =>
        {
            await broker.SetDownAsync();
            return TypedResults.NoContent();
        });

        control.MapPost("/up", async (KafkaBroker broker) =>
        {
            await broker.SetUpAsync();
            return TypedResults.NoContent();
        });

        // e.g. { "apiKey": "OffsetCommit", "errors": ["ILLEGAL_GENERATION", "UNKNOWN_MEMBER_ID"] }
        control.MapPost("/errors", async Task<Results<NoContent, ProblemHttpResult>> (HttpRequest http, KafkaBroker broker) =>
        {
            RequestErrors? request;
            try
            {
                request = await http.ReadFromJsonAsync<RequestErrors>();
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                return BadRequest($"Expected JSON such as {{ \"apiKey\": \"OffsetCommit\", \"errors\": [\"ILLEGAL_GENERATION\"] }}: {ex.Message}");
            }

            var (apiKey, codes, problem) = (request ?? new RequestErrors(null, null)).Parse();
            if (problem is not null)
            {
                return BadRequest(problem);
            }

            broker.PushRequestErrors(apiKey, codes);
            return TypedResults.NoContent();
        });

        control.MapDelete("/errors", Results<NoContent, ProblemHttpResult> (string? apiKey, KafkaBroker broker) =>
        {
            var (key, problem) = RequestErrors.ParseApiKey(apiKey);
            if (problem is not null)
            {
                return BadRequest(problem);
            }

            broker.ClearRequestErrors(key);
            return TypedResults.NoContent();
        });
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
            ? await next(context)
            : TypedResults.Problem(detail: "The broker's control switches answer only local callers.", statusCode: StatusCodes.Status403Forbidden);
}
