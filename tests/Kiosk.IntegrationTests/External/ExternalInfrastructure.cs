namespace Kiosk.IntegrationTests.External;

/// <summary>
/// A broker and a PostgreSQL server started by the test, outside any AppHost, standing in for a store's real cluster and
/// managed database; they outlive the AppHost runs of the collection. Everything is stopped and deleted afterwards,
/// also when starting fails half-way.
/// </summary>
public sealed class ExternalInfrastructure : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kiosk-external-" + Guid.NewGuid().ToString("N")[..12]);

    public BrokerProcess Broker { get; private set; } = null!;

    public PostgresServerProcess Postgres { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        try
        {
            // Each is kept as soon as it runs, so that it is stopped too when the other fails to start.
            await Task.WhenAll(StartBrokerAsync(), StartPostgresAsync());
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartBrokerAsync() => Broker = await BrokerProcess.StartAsync();

    private async Task StartPostgresAsync() => Postgres = await PostgresServerProcess.StartAsync(_folder);

    public async Task DisposeAsync()
    {
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

/// <summary>The AppHost in external mode against <see cref="ExternalInfrastructure"/>; one instance per AppHost run.</summary>
public sealed class ExternalModeApp(ExternalInfrastructure infrastructure) : KioskAppFixture
{
    protected override IEnumerable<string> ExtraArguments =>
    [
        "--Kiosk:Kafka:Mode=external",
        $"--ConnectionStrings:kafka={infrastructure.Broker.BootstrapServers}",
        "--Kiosk:Postgres:Mode=external",
        $"--ConnectionStrings:postgres={infrastructure.Postgres.ConnectionString}",
        // The stand-in is librdkafka's mock cluster: the client settings README gives for it (a real cluster needs none).
        "--Kiosk:Kafka:ProducerConfig:linger.ms=0",
        "--Kiosk:Kafka:ConsumerConfig:session.timeout.ms=6000",
        "--Kiosk:Kafka:ConsumerConfig:heartbeat.interval.ms=1000",
    ];
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExternalInfrastructureCollection : ICollectionFixture<ExternalInfrastructure>
{
    public const string Name = "Kiosk on external infrastructure";
}
