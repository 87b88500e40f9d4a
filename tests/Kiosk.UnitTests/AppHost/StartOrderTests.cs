using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Kiosk.UnitTests.AppHost;

/// <summary>What each resource waits for before it starts: only what it cannot start without.</summary>
public sealed class StartOrderTests
{
    [Fact]
    public async Task The_gateway_starts_with_the_apps_it_routes_to_not_after_them()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(
            ["--Parameters:staff-api-key=a-real-store-key-7f3a", "--Kiosk:Kafka:Port=0"]);
        var gateway = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway");

        Assert.Empty(gateway.Annotations.OfType<WaitAnnotation>());
        // It still knows every app: a request for one that is starting is answered as for one that is down.
        var references = gateway.Annotations.OfType<ResourceRelationshipAnnotation>()
            .Where(r => r.Type == "Reference").Select(r => r.Resource.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "menu", "cart", "orders", "payments", "web" }, references);
    }

    [Theory]
    [InlineData("menu", "menudb")]
    [InlineData("cart", "cartdb")]
    [InlineData("orders", "ordersdb")]
    [InlineData("payments", "paymentsdb")]
    [InlineData("web", "webdb")]
    public async Task An_app_waits_for_its_database_and_the_broker_and_for_no_other_app(string app, string database)
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(
            ["--Parameters:staff-api-key=a-real-store-key-7f3a", "--Kiosk:Kafka:Port=0"]);
        var project = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == app);

        var waitsFor = project.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).Order().ToArray();

        // Waiting for a database waits for its server too.
        Assert.Equal(new[] { database, "postgres", "kafka" }.Order().ToArray(), waitsFor);
    }
}
