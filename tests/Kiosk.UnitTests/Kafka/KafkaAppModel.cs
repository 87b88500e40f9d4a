using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Kiosk.AppHost.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.UnitTests.Kafka;

/// <summary>Builds (never starts) an app model holding only the Kafka resource, with the given settings.</summary>
internal static class KafkaAppModel
{
    public static IDistributedApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = DistributedApplication.CreateBuilder();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        return builder;
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddKafka(params (string Key, string Value)[] settings) =>
        Builder(settings).AddKioskKafka();

    /// <summary>Stands in for DCP: gives every endpoint of the resource an address, as at run time.</summary>
    public static void AllocateEndpoints(IResource resource, params (string Name, int Port)[] ports)
    {
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            var port = ports.Single(p => p.Name == endpoint.Name).Port;
            var targetPort = (endpoint.TargetPort ?? port).ToString(System.Globalization.CultureInfo.InvariantCulture);
            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port, targetPort);
        }
    }

    /// <summary>The environment the resource would be started with, resolved as in run mode.</summary>
    public static async Task<Dictionary<string, string>> EnvironmentAsync(IResource resource)
    {
        var result = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance, CancellationToken.None);
        if (result.Exception is not null)
        {
            throw result.Exception;
        }

        return result.EnvironmentVariables.ToDictionary(e => e.Key, e => e.Value);
    }

    /// <summary>
    /// The environment as the resource declares it, unresolved: references show as expressions such as
    /// <c>{kafka.bindings.tcp.port}</c>. Containers resolve their own endpoints on the container network,
    /// which only exists once DCP runs, so their environment is checked in this form.
    /// </summary>
    public static async Task<Dictionary<string, string>> DeclaredEnvironmentAsync(IResource resource, DistributedApplicationOperation operation)
    {
        var values = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(operation), resource, values, CancellationToken.None);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return values.ToDictionary(v => v.Key, v => v.Value switch
        {
            string text => text,
            IManifestExpressionProvider expression => expression.ValueExpression,
            var other => other.ToString() ?? "",
        });
    }

    public static EndpointAnnotation Endpoint(IResource resource, string name) =>
        resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == name);
}
