using System.Net.Http.Json;

namespace Kiosk.Web.Clients;

/// <summary>
/// Reads the services' audit trails (<c>GET /api/{menu,orders,payments}/audit</c>, staff key) for the manager's audit
/// screen. A service that is down, too slow or does not have the route yet is named in <see cref="ServiceAuditRows.Missing"/>:
/// the screen shows what it has.
/// </summary>
public sealed class ServiceAuditClient(HttpClient http, ILogger<ServiceAuditClient> logger)
{
    public static IReadOnlyList<string> Services { get; } = ["menu", "orders", "payments"];

    public async Task<ServiceAuditRows> ListAsync(DateTimeOffset from, DateTimeOffset to, string? action, string? crewId, int limit, CancellationToken ct)
    {
        var query = $"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}"
            + $"&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}"
            + $"&limit={limit.ToString(CultureInfo.InvariantCulture)}"
            + (string.IsNullOrEmpty(action) ? "" : $"&action={Uri.EscapeDataString(action)}")
            + (string.IsNullOrEmpty(crewId) ? "" : $"&crewId={Uri.EscapeDataString(crewId)}");
        var answers = await Task.WhenAll(Services.Select(service => ReadAsync(service, query, ct)));
        return new ServiceAuditRows(
            [.. answers.SelectMany(a => a.Rows)],
            [.. answers.Where(a => a.Rows.Count == 0 && !a.Answered).Select(a => a.Service)]);
    }

    private async Task<(string Service, IReadOnlyList<ServiceAuditRow> Rows, bool Answered)> ReadAsync(string service, string query, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var rows = await http.GetFromJsonAsync<List<ServiceAuditRow>>($"http://{service}/api/{service}/audit?{query}", ServiceCall.Json, timeout.Token);
            return (service, rows ?? [], true);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException or NotSupportedException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("The {Service} audit trail could not be read: {Error}", service, ex.Message);
            return (service, [], false);
        }
    }
}

/// <summary>One row of a service's audit trail, as <c>GET /api/{service}/audit</c> answers it.</summary>
public sealed record ServiceAuditRow(
    DateTimeOffset At, string? Service, string? Action, string? Subject, string? CrewId, string? CrewName, string? CrewRole,
    string? ApprovedBy, string? ClientAddress, JsonElement? Details);

/// <summary>The services' rows, and the services that did not answer.</summary>
public sealed record ServiceAuditRows(IReadOnlyList<ServiceAuditRow> Rows, IReadOnlyList<string> Missing);
