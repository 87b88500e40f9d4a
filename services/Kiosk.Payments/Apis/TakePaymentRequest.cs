using System.Text.Json.Serialization;

namespace Kiosk.Payments.Apis;

/// <summary>
/// Nullable so a missing field is reported as missing instead of read as an empty id or ₱0. No discount is left out of the
/// Idempotency-Key fingerprint, so a body without one reads the same as before discounts existed.
/// </summary>
[OpenApiExample("""
    {
      "orderId": "f0b2308b-081b-4dd7-8c5e-8e55fb53352f",
      "amountPaid": 400.00,
      "discount": { "kind": "SENIOR", "diners": 2, "holders": [{ "name": "Lourdes Santos", "idNumber": "SC-2024-001234" }] }
    }
    """)]
public sealed record TakePaymentRequest(
    Guid? OrderId,
    decimal? AmountPaid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DiscountRequest? Discount = null)
{
    /// <returns>What is wrong with the request, by field; empty when it can be processed.</returns>
    public static Dictionary<string, string[]> Validate(TakePaymentRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.OrderId is null || request.OrderId == Guid.Empty)
        {
            errors["orderId"] = ["Order id is required: the id of the order being paid."];
        }

        if (request?.AmountPaid is not decimal amountPaid)
        {
            errors["amountPaid"] = ["Amount paid is required: the cash handed over, in pesos (e.g. 100.00)."];
        }
        else if (Cash.Reject(amountPaid) is string problem)
        {
            errors["amountPaid"] = [problem];
        }

        DiscountRequest.Validate(request?.Discount, errors);
        return errors;
    }
}
