using Kiosk.IntegrationTests.Counter;
using Aspire.Hosting.Testing;
using Npgsql;

namespace Kiosk.IntegrationTests.Security;

/// <summary>
/// Who took a payment, gave a discount, cancelled an order or switched stock: each staff call carries the crew member
/// (as the web app sends it) and each service records it, append-only, in the commit of the change itself.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed class AuditTrailTests(KioskAppFixture fixture) : IDisposable
{
    private readonly CounterClient _counter = new(fixture);

    [Fact]
    public async Task A_payment_with_a_senior_discount_records_who_took_it_and_the_discount_without_the_holders_id()
    {
        var crewId = NewCrewId();
        var (orderId, orderNumber, _) = await _counter.PlacePayableOrderAsync((CounterClient.MealAt112, 2));
        var senior = CounterClient.Senior(1, ("Lourdes Santos", "SC-2024-001234"));

        using var pay = AsCrew(HttpMethod.Post, "/api/payments", crewId, "Ana Reyes Ñiño", "Cashier", clientAddress: "192.168.1.20");
        pay.Content = JsonContent.Create(new { orderId, amountPaid = 200.00m, discount = senior });
        using var paid = await _counter.Staff.SendAsync(pay);
        var receipt = await CounterClient.JsonAsync(paid, HttpStatusCode.Created);

        var entries = await AuditAsync("payments", $"crewId={crewId}");
        Assert.Equal(2, entries.Count);
        var payment = Assert.Single(entries, e => (string?)e["action"] == "payment.taken");
        var discount = Assert.Single(entries, e => (string?)e["action"] == "discount.given");
        foreach (var entry in entries)
        {
            Assert.Equal("payments", (string?)entry["service"]);
            Assert.Equal(orderId, (string?)entry["subject"]);
            Assert.Equal("Ana Reyes Ñiño", (string?)entry["crewName"]);
            Assert.Equal("Cashier", (string?)entry["crewRole"]);
            Assert.Equal("192.168.1.20", (string?)entry["clientAddress"]);
            Assert.Null((string?)entry["approvedBy"]);
            Assert.DoesNotContain("SC-2024-001234", entry.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Lourdes", entry.ToJsonString(), StringComparison.Ordinal);
        }
        Assert.Equal(receipt["invoiceNumber"]!.GetValue<string>(), (string?)payment["details"]!["invoiceNumber"]);
        Assert.Equal(160.00m, payment["details"]!["amountDue"]!.GetValue<decimal>());
        Assert.Equal(200.00m, payment["details"]!["amountPaid"]!.GetValue<decimal>());
        Assert.Equal(orderNumber, payment["details"]!["orderNumber"]!.GetValue<int>());
        Assert.Equal("SENIOR", (string?)discount["details"]!["kind"]);
        Assert.Equal(1, discount["details"]!["holders"]!.GetValue<int>());
        Assert.Equal(40.00m, discount["details"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_discount_over_the_threshold_from_a_cashier_needs_a_managers_approval_at_the_payment_service_too()
    {
        const int familyPanAt330 = 303;
        var (orderId, _, _) = await _counter.PlacePayableOrderAsync((familyPanAt330, 10));
        var body = new { orderId, amountPaid = 3000.00m, discount = CounterClient.Senior(1, ("Lourdes Santos", "SC-2024-001234")) };

        // ₱3,300 for one diner who is a senior: a ₱589.29 discount, over the ₱500 a cashier may give alone.
        using var alone = AsCrew(HttpMethod.Post, "/api/payments", NewCrewId(), "Ana Reyes", "Cashier");
        alone.Content = JsonContent.Create(body);
        using var refused = await _counter.Staff.SendAsync(alone);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{(int)refused.StatusCode} {problem}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("₱589.29", problem, StringComparison.Ordinal);

        var crewId = NewCrewId();
        using var approved = AsCrew(HttpMethod.Post, "/api/payments", crewId, "Ana Reyes", "Cashier", approvedBy: "7:Maria Manager");
        approved.Content = JsonContent.Create(body);
        using var paid = await _counter.Staff.SendAsync(approved);
        var receipt = await CounterClient.JsonAsync(paid, HttpStatusCode.Created);
        Assert.Equal(589.29m, receipt["discount"]!.GetValue<decimal>());
        var discount = Assert.Single(await AuditAsync("payments", $"crewId={crewId}"), e => (string?)e["action"] == "discount.given");
        Assert.Equal("7:Maria Manager", (string?)discount["approvedBy"]);
    }

    [Fact]
    public async Task A_cancellation_records_the_reason_who_asked_and_the_manager_who_approved_on_the_spot()
    {
        var crewId = NewCrewId();
        var (orderId, _, _) = await _counter.PlacePayableOrderAsync((101, 1));

        using var cancel = AsCrew(HttpMethod.Post, $"/api/orders/{orderId}/cancel", crewId, "Ben Cruz", "Cashier", approvedBy: "m-1:Maria Lim");
        cancel.Content = JsonContent.Create(new { reason = "Customer left" });
        (await _counter.Staff.SendAsync(cancel)).EnsureSuccessStatusCode();

        var entry = Assert.Single(await AuditAsync("orders", $"crewId={crewId}&action=order.cancelled"));
        Assert.Equal(orderId, (string?)entry["subject"]);
        Assert.Equal("Ben Cruz", (string?)entry["crewName"]);
        Assert.Equal("m-1:Maria Lim", (string?)entry["approvedBy"]);
        Assert.Equal("Customer left", (string?)entry["details"]!["reason"]);
        Assert.False(string.IsNullOrEmpty((string?)entry["clientAddress"]), "the caller's address is recorded");
    }

    [Fact]
    public async Task A_stock_switch_with_only_the_staff_key_is_recorded_as_the_machine_client_and_a_repeat_is_not_recorded()
    {
        const int itemId = 105;
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        using var staff = fixture.CreateStaffClient();
        try
        {
            (await staff.PutAsJsonAsync($"/api/menu/items/{itemId}/availability", new { available = false })).EnsureSuccessStatusCode();
            (await staff.PutAsJsonAsync($"/api/menu/items/{itemId}/availability", new { available = false })).EnsureSuccessStatusCode();
        }
        finally
        {
            (await staff.PutAsJsonAsync($"/api/menu/items/{itemId}/availability", new { available = true })).EnsureSuccessStatusCode();
        }

        var entries = (await AuditAsync("menu", $"action=item.availability&from={Uri.EscapeDataString(since)}"))
            .Where(e => (string?)e["subject"] == "105").ToList();
        Assert.Equal([true, false], entries.Select(e => e["details"]!["available"]!.GetValue<bool>()));
        Assert.All(entries, e => Assert.Equal("staff-api-key", (string?)e["crewId"]));
        Assert.True(entries[0]["at"]!.GetValue<DateTimeOffset>() >= entries[1]["at"]!.GetValue<DateTimeOffset>(), "newest first");
    }

    [Fact]
    public async Task Crew_headers_are_cleaned_and_cut_to_200_characters()
    {
        var crewId = NewCrewId();
        const int itemId = 105;
        var longName = "Dan" + Uri.EscapeDataString("\n\u0007") + new string('x', 400);
        using var staff = fixture.CreateStaffClient();
        using (var soldOut = AsCrew(HttpMethod.Put, $"/api/menu/items/{itemId}/availability", crewId, longName, "Manager", encode: false))
        {
            soldOut.Content = JsonContent.Create(new { available = false });
            (await staff.SendAsync(soldOut)).EnsureSuccessStatusCode();
        }
        (await staff.PutAsJsonAsync($"/api/menu/items/{itemId}/availability", new { available = true })).EnsureSuccessStatusCode();

        var entry = Assert.Single(await AuditAsync("menu", $"crewId={crewId}"));
        var name = (string?)entry["crewName"];
        Assert.Equal(200, name?.Length);
        Assert.StartsWith("Danxxx", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_trail_is_staff_only_and_names_a_bad_parameter()
    {
        using var anonymous = await fixture.Gateway.GetAsync("/api/payments/audit");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var staff = fixture.CreateStaffClient();
        var limit = await KioskClient.ProblemAsync(await staff.GetAsync("/api/orders/audit?limit=1001"), HttpStatusCode.BadRequest);
        Assert.NotNull(limit["errors"]?["limit"]);
        var from = await KioskClient.ProblemAsync(await staff.GetAsync("/api/menu/audit?from=yesterday"), HttpStatusCode.BadRequest);
        Assert.NotNull(from["errors"]?["from"]);
        using var limited = await staff.GetAsync("/api/menu/audit?limit=1");
        Assert.True(Assert.IsType<JsonArray>(JsonNode.Parse(await limited.Content.ReadAsStringAsync())).Count <= 1);
    }

    [Fact]
    public async Task The_audit_table_refuses_update_delete_and_truncate_in_the_database_itself()
    {
        await using var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("menudb"));
        await db.OpenAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO audit_entries (at, service, action, subject, crew_id, details)
            VALUES (now(), 'menu', 'test.append', 'append-only', 'test', '{}')
            """, db))
        {
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        foreach (var statement in new[]
        {
            "UPDATE audit_entries SET crew_id = 'someone-else' WHERE subject = 'append-only'",
            "DELETE FROM audit_entries WHERE subject = 'append-only'",
            "TRUNCATE audit_entries",
        })
        {
            await using var change = new NpgsqlCommand(statement, db);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => change.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM audit_entries WHERE subject = 'append-only' AND crew_id = 'test'", db);
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 1);
    }

    private static string NewCrewId() => "crew-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A staff request with the crew headers the web app sends for a signed-in crew member.</summary>
    private static HttpRequestMessage AsCrew(
        HttpMethod method, string path, string crewId, string name, string role,
        string? approvedBy = null, string? clientAddress = null, bool encode = true)
    {
        var request = new HttpRequestMessage(method, path);
        string Wire(string value) => encode ? Uri.EscapeDataString(value) : value;
        request.Headers.Add("X-Kiosk-Crew-Id", Wire(crewId));
        request.Headers.Add("X-Kiosk-Crew-Name", Wire(name));
        request.Headers.Add("X-Kiosk-Crew-Role", Wire(role));
        if (approvedBy is not null)
        {
            request.Headers.Add("X-Kiosk-Crew-Approved-By", Wire(approvedBy));
        }
        if (clientAddress is not null)
        {
            request.Headers.Add("X-Kiosk-Client-Address", Wire(clientAddress));
        }
        return request;
    }

    private async Task<List<JsonObject>> AuditAsync(string service, string query)
    {
        using var response = await _counter.Staff.GetAsync($"/api/{service}/audit?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/{service}/audit?{query}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    public void Dispose() => _counter.Dispose();
}
