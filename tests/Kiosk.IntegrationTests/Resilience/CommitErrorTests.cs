using Xunit.Abstractions;

namespace Kiosk.IntegrationTests.Resilience;

[Collection(ResilienceCollection.Name)]
public sealed class CommitErrorTests(ResilienceFixture fixture, ITestOutputHelper output)
{
    // What a real broker answers to an offset commit around a rebalance or a coordinator move.
    private static readonly string[] CommitErrors =
        ["ILLEGAL_GENERATION", "UNKNOWN_MEMBER_ID", "REBALANCE_IN_PROGRESS", "COORDINATOR_NOT_AVAILABLE", "NOT_COORDINATOR"];

    [Fact]
    public async Task Offset_commits_refused_by_the_broker_while_four_kiosks_order_stop_no_service_and_each_checkout_is_one_order_paid_once()
    {
        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl };
        await new FaultScenario(fixture, output).RunAsync(kiosks: 4, async () =>
        {
            try
            {
                // Bursts spread over a few seconds, so both consumer groups meet them mid-stream.
                for (var burst = 0; burst < 4; burst++)
                {
                    var pushed = await control.PostAsJsonAsync("/broker/errors", new { apiKey = "OffsetCommit", errors = CommitErrors.Concat(CommitErrors) });
                    Assert.True(pushed.StatusCode == HttpStatusCode.NoContent, $"The broker refused the errors: {await pushed.Content.ReadAsStringAsync()}");
                    await Task.Delay(TimeSpan.FromSeconds(2));
                }
            }
            finally
            {
                (await control.DeleteAsync("/broker/errors?apiKey=OffsetCommit")).EnsureSuccessStatusCode();
            }
        });
    }

    private static readonly string[] OneCommitError = ["ILLEGAL_GENERATION"];
    private static readonly string[] UnknownError = ["TOO_HOT"];

    [Fact]
    public async Task The_broker_answers_a_bad_error_injection_request_with_a_problem()
    {
        using var control = new HttpClient { BaseAddress = fixture.KafkaControlUrl };

        var unknownApi = await control.PostAsJsonAsync("/broker/errors", new { apiKey = "Coffee", errors = OneCommitError });
        var unknownError = await control.PostAsJsonAsync("/broker/errors", new { apiKey = "OffsetCommit", errors = UnknownError });
        var noErrors = await control.PostAsJsonAsync("/broker/errors", new { apiKey = "OffsetCommit", errors = Array.Empty<string>() });

        Assert.Contains("Coffee", (await KioskClient.ProblemAsync(unknownApi, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        Assert.Contains("TOO_HOT", (await KioskClient.ProblemAsync(unknownError, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        await KioskClient.ProblemAsync(noErrors, HttpStatusCode.BadRequest);
    }
}
