using Kiosk.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Kiosk.AppHost.Postgres;

/// <summary>PostgreSQL for the Kiosk services, in a container, from the local install or external.</summary>
public static class PostgresResourceExtensions
{
    /// <summary>
    /// Adds the PostgreSQL server in the mode chosen by <c>Kiosk:Postgres:Mode</c>
    /// (auto, the default: a container when a container runtime answers, else the local install; container; local; external).
    /// The connection-string name is <paramref name="name"/> in every mode.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddKioskPostgres(this IDistributedApplicationBuilder builder, string name = "postgres")
    {
        var settings = PostgresSettings.From(builder.Configuration);
        return ChooseMode(builder, settings.Mode) switch
        {
            PostgresMode.Container => AddContainer(builder, name, settings),
            PostgresMode.Local => LocalPostgres.Add(builder, name, settings),
            _ => ExternalPostgres.Add(builder, name),
        };
    }

    /// <summary>
    /// Adds one database on <paramref name="server"/>; its connection string is the server's plus <c>Database=&lt;name&gt;</c>.
    /// In every mode the resource becomes healthy only once the server answers and the database exists, so WaitFor works.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddKioskDatabase(this IResourceBuilder<IResourceWithConnectionString> server, string name)
    {
        if (server.Resource is PostgresServerResource container)
        {
            // Aspire creates the database when the container is ready and health-checks it.
            return server.ApplicationBuilder.CreateResourceBuilder(container).AddDatabase(name);
        }

        return server.ApplicationBuilder.AddResource(new KioskPostgresDatabaseResource(name, name, server.Resource))
            .WithProvisioning()
            .WithPostgresHealthCheck()
            .ExcludeFromManifest();
    }

    private static PostgresMode ChooseMode(IDistributedApplicationBuilder builder, PostgresMode configured) => configured switch
    {
        // A published app runs on a container platform; a developer machine may have no container runtime.
        PostgresMode.Auto when builder.ExecutionContext.IsPublishMode => PostgresMode.Container,
        PostgresMode.Auto => ContainerRuntime.IsAvailable(builder.Configuration) ? PostgresMode.Container : PostgresMode.Local,
        _ => configured,
    };

    private static IResourceBuilder<PostgresServerResource> AddContainer(IDistributedApplicationBuilder builder, string name, PostgresSettings settings)
    {
        var server = builder.AddPostgres(name);
        return settings.DataVolume switch
        {
            null => server,
            _ when bool.TryParse(settings.DataVolume, out var enabled) => enabled ? server.WithDataVolume() : server,
            _ => server.WithDataVolume(settings.DataVolume),
        };
    }
}
