using Microsoft.Extensions.Configuration;

namespace Kiosk.AppHost;

internal static class ReplicaExtensions
{
    /// <summary>
    /// Runs <c>Kiosk:Replicas:&lt;resource&gt;</c> copies of a project (default 1). The gateway and the services reach
    /// replicas through one proxied endpoint, which spreads connections over them. One copy binds its port itself: the
    /// orchestrator's proxy would be one more process and socket pair on every request, with nothing to spread.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithConfiguredReplicas(
        this IResourceBuilder<ProjectResource> project, IConfiguration configuration)
    {
        var replicas = configuration.GetValue($"Kiosk:Replicas:{project.Resource.Name}", 1);
        if (replicas < 1)
        {
            throw new InvalidOperationException(
                $"Kiosk:Replicas:{project.Resource.Name} must be at least 1 (was {replicas}).");
        }
        if (replicas > 1)
        {
            return project.WithReplicas(replicas);
        }
        project.WithEndpointProxySupport(false);
        return project;
    }
}
