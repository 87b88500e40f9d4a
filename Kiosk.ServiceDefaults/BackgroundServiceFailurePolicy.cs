using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.ServiceDefaults;

/// <summary>
/// Host policy: a background service that fails stops the host (<see cref="BackgroundServiceExceptionBehavior.StopHost"/>)
/// and the process exits with code 1, so whatever runs it (Aspire, systemd, Kubernetes) starts it again. Never a process
/// that still answers HTTP while its consumer or outbox relay is dead. The Kafka consumer itself never fails this way.
/// </summary>
internal sealed class BackgroundServiceFailurePolicy(
    IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<BackgroundServiceFailurePolicy> logger) : IHostedService
{
    public const int ExitCode = 1;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(ExitNonZeroIfAServiceFailed);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void ExitNonZeroIfAServiceFailed()
    {
        // Resolved late: this service is one of the hosted services itself.
        foreach (var failed in services.GetServices<IHostedService>().OfType<BackgroundService>()
                     .Where(s => s.ExecuteTask is { IsFaulted: true }))
        {
            logger.LogCritical(failed.ExecuteTask!.Exception, "{Service} failed; the process exits with code {ExitCode} to be restarted",
                failed.GetType().Name, ExitCode);
            Environment.ExitCode = ExitCode;
        }
    }
}
