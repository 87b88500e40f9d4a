using Microsoft.Extensions.Configuration;

namespace Kiosk.AppHost.Postgres;

/// <summary>An existing server named by <c>ConnectionStrings:&lt;name&gt;</c>; nothing is started.</summary>
internal static class ExternalPostgres
{
    public static IResourceBuilder<IResourceWithConnectionString> Add(IDistributedApplicationBuilder builder, string name)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
        {
            throw new DistributedApplicationException(
                $"Kiosk:Postgres:Mode is 'external' but ConnectionStrings:{name} is not set. Give it the server's connection string "
                + $"without a database (e.g. ConnectionStrings__{name}=\"Host=db.example;Port=5432;Username=kiosk;Password=...\"); "
                + "each service database is derived from it.");
        }

        return builder.AddConnectionString(name);
    }
}
