namespace Kiosk.AppHost.Postgres;

/// <summary>Runs the installed PostgreSQL binaries as two executables: a one-shot initdb and the server.</summary>
internal static class LocalPostgres
{
    public static IResourceBuilder<LocalPostgresServerResource> Add(IDistributedApplicationBuilder builder, string name, PostgresSettings settings)
    {
        var binDir = PostgresBinaries.FindBinDirectory(settings.BinDir);
        var dataDir = PostgresDataDirectory.Resolve(settings.DataDir, builder.AppHostDirectory);
        var workingDirectory = Path.GetDirectoryName(dataDir)!;

        // Every service and replica keeps its own connection pool (plus one for its outbox relay's lease): the default
        // of 100 connections runs out with a few replicas under load.
        var (serverCommand, serverArgs) = PostgresDataDirectory.AsServerUser(Path.Combine(binDir, "postgres"),
            "-D", dataDir, "-k", "/tmp", "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300");
        var server = builder.AddResource(new LocalPostgresServerResource(name, serverCommand, workingDirectory))
            .WithArgs(serverArgs)
            // postgres reads its port from PGPORT, so the endpoint allocated by Aspire is the one it listens on.
            .WithEndpoint(name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp", env: "PGPORT")
            .WithPostgresHealthCheck()
            .ExcludeFromManifest();

        if (!PostgresDataDirectory.IsInitialized(dataDir))
        {
            var (initCommand, initArgs) = PostgresDataDirectory.AsServerUser(Path.Combine(binDir, "initdb"),
                "-D", dataDir, "-U", LocalPostgresServerResource.SuperUser, "--auth=trust", "-E", "UTF8");
            var init = builder.AddExecutable($"{name}-init", initCommand, workingDirectory, initArgs)
                .WithParentRelationship(server)
                .ExcludeFromManifest();
            builder.Eventing.Subscribe<BeforeResourceStartedEvent>(init.Resource, (_, ct) => PostgresDataDirectory.PrepareAsync(dataDir, ct));
            server.WaitForCompletion(init);
        }

        return server;
    }
}
