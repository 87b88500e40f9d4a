using System.Globalization;

namespace Kiosk.Payments.Domain;

/// <summary>How a sales invoice number is printed: <c>SI-00000042</c>.</summary>
public static class SalesInvoice
{
    public static string Format(long number) => "SI-" + number.ToString("D8", CultureInfo.InvariantCulture);
}
