namespace Kiosk.IntegrationTests.Resilience;

/// <summary>
/// A separate AppHost for the fault tests, so breaking the broker or the database never disturbs the main collection.
/// Consumers get a short max.poll.interval.ms, so a frozen database outlasts it within a test's time.
/// </summary>
public sealed class ResilienceFixture : KioskAppFixture
{
    public const int MaxPollIntervalMs = 10_000;

    protected override IEnumerable<string> ExtraArguments =>
        [$"--Kiosk:Kafka:ConsumerConfig:max.poll.interval.ms={MaxPollIntervalMs}"];
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResilienceCollection : ICollectionFixture<ResilienceFixture>
{
    public const string Name = "Kiosk resilience";
}
