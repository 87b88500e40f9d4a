namespace Kiosk.Payments.Apis;

/// <summary>The answers a cashier can get instead of a receipt, each saying what to do next.</summary>
public static class PaymentProblems
{
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors,
            title: "The payment is not valid",
            detail: string.Join(" ", errors.Values.SelectMany(messages => messages)));

    public static ProblemHttpResult OrderNotFound(Guid orderId) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Order not found",
            detail: $"There is no order with id {orderId}.");

    public static ProblemHttpResult OrderNotReady(HttpResponse response, Guid orderId)
    {
        response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Order not ready for payment",
            detail: $"Order {orderId} is still being set up for payment; retry in a second.");
    }

    public static ProblemHttpResult OrdersUnreachable(HttpResponse response, Guid orderId)
    {
        response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Order cannot be checked",
            detail: $"Order {orderId} is not known to payments yet and the order service did not answer; retry in a moment.");
    }

    public static ProblemHttpResult AlreadyPaid(int orderNumber) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Order already paid",
            detail: $"Order #{orderNumber} is already paid; take no more cash for it.");

    public static ProblemHttpResult OrderClosed(int orderNumber, string status) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: status == StoreDayEnd.Expired ? "Order expired" : "Order cancelled",
            detail: status == StoreDayEnd.Expired
                ? $"Order #{orderNumber} is from a business day that has ended; it expired unpaid. Take no cash: the customer orders again."
                : $"Order #{orderNumber} was cancelled; take no cash for it.",
            extensions: new Dictionary<string, object?> { ["orderStatus"] = status });

    public static ProblemHttpResult DiscountNeedsManager(decimal discount) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "A manager must approve this discount",
            detail: $"A discount of {Money.Peso(discount)} is over {Money.Peso(DiscountApproval.Threshold)}: a manager gives it, or approves it "
                + "on the spot. No payment was taken.");

    public static ProblemHttpResult NotEnough(decimal amountPaid, decimal total) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Not enough cash",
            detail: $"Amount paid {Money.Peso(amountPaid)} is less than the {Money.Peso(total)} due.",
            extensions: new Dictionary<string, object?> { ["amountDue"] = Money.Round(total) });

    public static ProblemHttpResult PaymentNotFound(Guid paymentId) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Payment not found",
            detail: $"There is no payment with id {paymentId}.");
}
