using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kiosk.UnitTests.Messaging;

public sealed class BackgroundServiceFailurePolicyTests
{
    private sealed class FailingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("relay broke");
        }
    }

    [Fact]
    public async Task A_failed_background_service_stops_the_host_and_the_process_exits_non_zero()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddBackgroundServiceFailurePolicy();
        builder.Services.AddHostedService<FailingService>();
        using var host = builder.Build();
        var before = Environment.ExitCode;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.RunAsync(timeout.Token);

            Assert.False(timeout.IsCancellationRequested, "The host should stop by itself when a background service fails.");
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = before;
        }
    }
}
