using System.Text.RegularExpressions;
using Kiosk.IntegrationTests.Counter;
using Microsoft.Playwright;
using static Kiosk.IntegrationTests.Browser.KioskScreen;
using static Microsoft.Playwright.Assertions;

namespace Kiosk.IntegrationTests.Browser;

/// <summary>
/// A senior / PWD discount above ₱500 (the documented threshold) needs a manager: a cashier gives it only when a manager
/// types their PIN on the cashier's screen, and the audit trail names the cashier who took the payment and the manager who
/// approved it. Smaller discounts need nobody.
/// </summary>
[Collection(KioskCollection.Name)]
public sealed partial class DiscountApprovalTests(KioskAppFixture app, BrowserFixture browser)
{
    private const decimal ApprovalThreshold = 500m;

    /// <summary>Jolly Spaghetti Family Pan, ₱330.00: ten make a ₱3,300.00 group order.</summary>
    private const int FamilyPan = 303;

    [Fact]
    public async Task A_cashier_gives_a_discount_over_the_threshold_only_with_a_managers_pin_and_the_audit_names_both()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var counter = new CounterClient(app);
        var (orderId, orderNumber, total) = await counter.PlacePayableOrderAsync((FamilyPan, 10));
        Assert.Equal(3300.00m, total);
        var senior = CounterClient.Senior(1, ("Remedios Cruz", "SC-2025-004321"));
        var quote = await CounterClient.JsonAsync(await counter.QuoteAsync(orderId, senior), HttpStatusCode.OK);
        var discount = quote["discount"]!.GetValue<decimal>();
        var due = quote["amountDue"]!.GetValue<decimal>();
        Assert.True(discount > ApprovalThreshold, $"the order's senior discount ({discount}) is over the threshold");

        var cashier = await browser.NewPageAsync(app.GatewayUrl);
        await using var cashierContext = cashier.Context.ClosingAtEnd();
        await SignInAsync(cashier, app.Cashier, $"/staff/cashier?order={orderId}");
        await ApplySeniorDiscountAsync(cashier, "Remedios Cruz", "SC-2025-004321");
        await Expect(cashier.GetByTestId("quote-discount")).ToHaveTextAsync("−" + Peso(discount));
        await Expect(cashier.GetByTestId("amount-due")).ToHaveTextAsync(Peso(due));
        await Expect(cashier.GetByTestId("discount-approval")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(cashier, "cashier-discount-approval");

        // A PIN that is not the manager's: refused, said plainly, and no cash taken.
        await cashier.GetByTestId("amount-tendered").FillAsync("3000");
        await PickAsync(cashier.GetByTestId("discount-manager"), app.Manager.Name);
        await cashier.GetByTestId("discount-manager-pin").FillAsync(app.Cashier.Pin);
        await cashier.GetByTestId("confirm-payment").ClickAsync();
        await Expect(cashier.GetByTestId("banner")).ToContainTextAsync("That manager PIN is not right.");
        await Expect(cashier.GetByTestId("banner")).ToContainTextAsync($"a discount over {Peso(ApprovalThreshold)} needs a manager");
        await Expect(cashier.GetByTestId("payment-receipt")).Not.ToBeAttachedAsync();
        Assert.Equal("PENDING", (await counter.Staff.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!["status"]!.GetValue<string>());
        Assert.Empty(await PaymentsAuditAsync(counter, "payment.taken", orderId, since));

        // The screen still holds the discount and asks again; the manager's own PIN lets it through.
        await Expect(cashier.GetByTestId("quote-discount")).ToHaveTextAsync("−" + Peso(discount));
        await PickAsync(cashier.GetByTestId("discount-manager"), app.Manager.Name);
        await cashier.GetByTestId("discount-manager-pin").FillAsync(app.Manager.Pin);
        await cashier.GetByTestId("confirm-payment").ClickAsync();
        await Expect(cashier.GetByTestId("payment-receipt")).ToContainTextAsync($"Order #{orderNumber} paid");
        await Expect(cashier.GetByTestId("payment-receipt")).ToContainTextAsync($"change {Peso(3000m - due)}");
        await Expect(cashier.GetByTestId("crew-name")).ToHaveTextAsync(app.Cashier.Name);

        var given = Assert.Single(await PaymentsAuditAsync(counter, "discount.given", orderId, since));
        var taken = Assert.Single(await PaymentsAuditAsync(counter, "payment.taken", orderId, since));
        foreach (var entry in new[] { given, taken })
        {
            Assert.Equal(app.Cashier.Name, (string?)entry["crewName"]);
            Assert.Equal("Cashier", (string?)entry["crewRole"]);
            Assert.Matches(ApprovedByManager(), (string?)entry["approvedBy"]);
        }
        Assert.Equal(discount, given["details"]!["amount"]!.GetValue<decimal>());

        // The manager's audit screen shows the refused and the granted approval, and the payment with both names.
        var manager = await browser.NewPageAsync(app.GatewayUrl);
        await using var managerContext = manager.Context.ClosingAtEnd();
        await SignInAsync(manager, app.Manager, "/staff/audit?action=manager.approval");
        var approvals = manager.GetByTestId("audit-row").Filter(new() { HasText = orderId });
        await Expect(approvals.Filter(new() { HasText = "approved discount" })).ToHaveCountAsync(1);
        await Expect(approvals.Filter(new() { HasText = "refused discount" })).ToHaveCountAsync(1);
        await manager.GotoAsync("/staff/audit?action=discount.given");
        var row = manager.GetByTestId("audit-row").Filter(new() { HasText = orderId });
        await Expect(row).ToContainTextAsync(app.Cashier.Name);
        await Expect(row.GetByTestId("audit-approved-by")).ToHaveTextAsync(ApprovedByManager());
    }

    [Fact]
    public async Task A_cashier_gives_a_discount_within_the_threshold_without_a_manager()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var counter = new CounterClient(app);
        var (orderId, orderNumber, _) = await counter.PlacePayableOrderAsync((CounterClient.MealAt112, 2));

        var cashier = await browser.NewPageAsync(app.GatewayUrl);
        await using var cashierContext = cashier.Context.ClosingAtEnd();
        await SignInAsync(cashier, app.Cashier, $"/staff/cashier?order={orderId}");
        await ApplySeniorDiscountAsync(cashier, "Lourdes Santos", "SC-2024-001234");
        await Expect(cashier.GetByTestId("quote-discount")).ToHaveTextAsync("−" + Peso(40.00m));
        await Expect(cashier.GetByTestId("discount-approval")).Not.ToBeAttachedAsync();

        await cashier.GetByTestId("amount-tendered").FillAsync("200");
        await ConfirmPaymentAsync(cashier);
        await Expect(cashier.GetByTestId("payment-receipt")).ToContainTextAsync($"Order #{orderNumber} paid");

        var given = Assert.Single(await PaymentsAuditAsync(counter, "discount.given", orderId, since));
        Assert.Equal(app.Cashier.Name, (string?)given["crewName"]);
        Assert.Null((string?)given["approvedBy"]);
        Assert.Equal(40.00m, given["details"]!["amount"]!.GetValue<decimal>());
    }

    /// <summary>The payments service's audit entries of one action about one order, recorded since the test began.</summary>
    private static async Task<List<JsonObject>> PaymentsAuditAsync(CounterClient counter, string action, string orderId, DateTimeOffset since)
    {
        var entries = await counter.Staff.GetFromJsonAsync<JsonArray>(
            $"/api/payments/audit?action={action}&from={Uri.EscapeDataString(since.ToString("O"))}");
        return [.. entries!.Select(e => e!.AsObject()).Where(e => (string?)e["subject"] == orderId)];
    }

    [GeneratedRegex(@"^\d+:Manager$")]
    private static partial Regex ApprovedByManager();
}
