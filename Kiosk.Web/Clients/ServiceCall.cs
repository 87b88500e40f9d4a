using System.Net.Http.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Kiosk.Web.Clients;

/// <summary>Sends one request and turns every outcome (success, problem+json, outage, timeout) into a <see cref="ServiceResult{T}"/>.</summary>
internal static class ServiceCall
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends <paramref name="request"/> and disposes it (and its content) afterwards.</summary>
    public static async Task<ServiceResult<T>> SendAsync<T>(
        HttpClient http, HttpRequestMessage request, ILogger logger, CancellationToken ct)
    {
        using var owned = request;
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                var problem = await ReadProblemAsync(response, ct);
                logger.LogInformation("{Method} {Uri} answered {Status}: {Detail}",
                    request.Method, request.RequestUri, problem.StatusCode, problem.Detail);
                return ServiceResult.Failure<T>(problem);
            }

            var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return value is null
                ? ServiceResult.Failure<T>(new ServiceProblem((int)response.StatusCode, null))
                : ServiceResult.Success(value);
        }
        catch (Exception ex) when (IsOutage(ex, ct))
        {
            logger.LogWarning(ex, "{Method} {Uri} failed: the service is unreachable or too slow", request.Method, request.RequestUri);
            return ServiceResult.Failure<T>(ServiceProblem.Unreachable);
        }
        catch (JsonException ex)
        {
            logger.LogError(ex, "{Method} {Uri} returned JSON this page cannot read", request.Method, request.RequestUri);
            return ServiceResult.Failure<T>(new ServiceProblem(502, null));
        }
    }

    private static bool IsOutage(Exception ex, CancellationToken ct) => ex switch
    {
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException => true,
        // HttpClient's own timeout surfaces as a cancellation that nobody asked for.
        TaskCanceledException => !ct.IsCancellationRequested,
        _ => false,
    };

    /// <summary>problem+json's <c>errors</c>: each key with its messages; null when absent or not of that shape.</summary>
    private static Dictionary<string, string[]>? ReadErrors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var read = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in errors.EnumerateObject())
        {
            read[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                ? [.. field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString() ?? "")]
                : [];
        }
        return read;
    }

    private static async Task<ServiceProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        try
        {
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ServiceProblem(status, null);
            }
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            decimal? amountDue = root.TryGetProperty("amountDue", out var a) && a.TryGetDecimal(out var due) ? due : null;
            return new ServiceProblem(status, string.IsNullOrWhiteSpace(detail) ? null : detail, amountDue, ReadErrors(root));
        }
        catch (JsonException)
        {
            return new ServiceProblem(status, null);
        }
    }
}
