namespace Kiosk.Web.Clients;

public sealed record PaymentReceipt(
    Guid PaymentId, Guid OrderId, int OrderNumber, decimal Total, decimal AmountPaid, decimal Change, DateTimeOffset PaidAt);
