using Kiosk.Payments.Apis;
using Kiosk.Payments.Domain;

namespace Kiosk.UnitTests.Payments;

public sealed class DiscountValidationTests
{
    private static readonly DiscountHolderRequest Lourdes = new("Lourdes Santos", "SC-2024-001234");

    [Fact]
    public void A_valid_discount_becomes_a_claim_with_trimmed_holders()
    {
        var errors = new Dictionary<string, string[]>();

        var claim = DiscountRequest.Validate(new DiscountRequest("PWD", 3, [new(" Ana Cruz ", " PWD-77 ")]), errors);

        Assert.Empty(errors);
        Assert.NotNull(claim);
        Assert.Equal(("PWD", 3), (claim.Kind, claim.Diners));
        Assert.Equal([("Ana Cruz", "PWD-77")], claim.Holders);
    }

    [Fact]
    public void No_discount_is_no_claim_and_no_error()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(DiscountRequest.Validate(null, errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("senior")]
    [InlineData("BOTH")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_kind_names_discount_kind(string? kind) =>
        AssertOnlyError(new DiscountRequest(kind, 1, [Lourdes]), "discount.kind");

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(null)]
    [InlineData(DiscountRequest.MaxDiners + 1)]
    public void Fewer_than_one_diner_names_discount_diners(int? diners) =>
        AssertOnlyError(new DiscountRequest("SENIOR", diners, [Lourdes]), "discount.diners");

    [Fact]
    public void More_holders_than_diners_names_discount_holders() =>
        AssertOnlyError(new DiscountRequest("SENIOR", 1, [Lourdes, new("Ben Reyes", "SC-9")]), "discount.holders");

    [Fact]
    public void No_holder_names_discount_holders() =>
        AssertOnlyError(new DiscountRequest("SENIOR", 2, []), "discount.holders");

    [Fact]
    public void A_holder_without_name_or_id_number_names_that_holders_field()
    {
        var errors = new Dictionary<string, string[]>();

        var claim = DiscountRequest.Validate(new DiscountRequest("SENIOR", 3, [Lourdes, new(" ", "SC-1"), new("Ben Reyes", null)]), errors);

        Assert.Null(claim);
        Assert.Equal(["discount.holders[1].name", "discount.holders[2].idNumber"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_payment_request_reports_discount_errors_beside_its_own()
    {
        var errors = TakePaymentRequest.Validate(new TakePaymentRequest(Guid.NewGuid(), 0m, new DiscountRequest("SENIOR", 0, [Lourdes])));

        Assert.Equal(["amountPaid", "discount.diners"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_discounted_payment_owes_the_amount_due_and_keeps_its_holders()
    {
        var now = new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero);
        var order = new PayableOrder { OrderId = Guid.NewGuid(), OrderNumber = 4, Total = 448.00m, CreatedAt = now };
        var claim = new DiscountClaim(DiscountKind.Senior, 2, [("Lourdes Santos", "SC-2024-001234")]);

        var payment = order.Pay(Guid.NewGuid(), 400.00m, now, claim);

        Assert.Equal((448.00m, 384.00m, 16.00m, 40.00m), (payment.Total, payment.AmountDue, payment.Change, payment.Discount));
        Assert.Equal((DiscountKind.Senior, 2), (payment.DiscountKind, payment.Diners));
        var holder = Assert.Single(payment.Holders);
        Assert.Equal((1, "Lourdes Santos", "SC-2024-001234"), (holder.Position, holder.Name, holder.IdNumber));
    }

    [Fact]
    public void A_closed_order_cannot_be_paid_and_a_paid_one_cannot_be_closed()
    {
        var now = new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero);
        var cancelled = new PayableOrder { OrderId = Guid.NewGuid(), OrderNumber = 5, Total = 99.00m, CreatedAt = now };
        var paid = new PayableOrder { OrderId = Guid.NewGuid(), OrderNumber = 6, Total = 99.00m, CreatedAt = now };
        paid.Pay(Guid.NewGuid(), 100m, now);

        Assert.True(cancelled.Close(Kiosk.Contracts.StoreDayEnd.Cancelled, "Customer left", now));
        Assert.Throws<InvalidOperationException>(() => cancelled.Pay(Guid.NewGuid(), 100m, now));
        Assert.False(paid.Close(Kiosk.Contracts.StoreDayEnd.Cancelled, "Customer left", now));
        Assert.Null(paid.ClosedStatus);
    }

    private static void AssertOnlyError(DiscountRequest discount, string field)
    {
        var errors = new Dictionary<string, string[]>();

        var claim = DiscountRequest.Validate(discount, errors);

        Assert.Null(claim);
        Assert.Equal([field], errors.Keys);
        Assert.All(errors[field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }
}
