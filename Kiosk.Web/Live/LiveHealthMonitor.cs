using Kiosk.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kiosk.Web.Live;

/// <summary>
/// Runs the broadcast consumer's health check every <see cref="Interval"/> and tells the live streams when events stop
/// reaching this process (broker away, consumer stuck or without partitions) and when they flow again, so the pages fall
/// back to polling only while they must. The check is the same one /health shows.
/// </summary>
public sealed class LiveHealthMonitor(
    IServiceProvider services, IOptions<HealthCheckServiceOptions> options, LiveFeed feed, ILogger<LiveHealthMonitor> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private const int FailuresBeforePolling = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registrations = options.Value.Registrations.Where(r => r.Tags.Contains(KafkaExtensions.BroadcastHealthTag)).ToList();
        if (registrations.Count == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval);
        var failures = 0;
        do
        {
            var (healthy, description) = await CheckAsync(registrations, stoppingToken);
            failures = healthy ? 0 : failures + 1;
            // One slow probe on a busy machine is not an outage: the pages poll only after two checks in a row fail.
            if (!healthy && failures < FailuresBeforePolling)
            {
                continue;
            }
            if (feed.SetLive(healthy))
            {
                if (healthy)
                {
                    logger.LogInformation("Live events flow again; streams told to stop polling");
                }
                else
                {
                    logger.LogWarning("Live events are not reaching this process; streams told to poll ({Description})", description);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<(bool Healthy, string? Description)> CheckAsync(List<HealthCheckRegistration> registrations, CancellationToken ct)
    {
        foreach (var registration in registrations)
        {
            try
            {
                // The check itself, not HealthCheckService: that one logs an error per unhealthy run, every 2 s of an outage.
                var check = registration.Factory(services);
                var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, ct);
                if (result.Status != HealthStatus.Healthy)
                {
                    return (false, result.Description);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return (false, ex.Message);
            }
        }
        return (true, null);
    }
}
