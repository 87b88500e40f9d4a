using Microsoft.AspNetCore.Http.HttpResults;

namespace Kiosk.KafkaBroker;

/// <summary>The control surface: readiness, outage switches for tests, and the topic list.</summary>
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

        app.MapPost("/broker/down", async (KafkaBroker broker) =>
        {
            await broker.SetDownAsync();
            return TypedResults.NoContent();
        });

        app.MapPost("/broker/up", async (KafkaBroker broker) =>
        {
            await broker.SetUpAsync();
            return TypedResults.NoContent();
        });

        app.MapGet("/topics", (KafkaBroker broker) => TypedResults.Ok(broker.Topics));
        return app;
    }
}
