namespace Kiosk.Cart.Apis;

using Kiosk.Cart.Domain;

/// <summary>The cart as the kiosk shows it; <see cref="OrderId"/> stays null until checkout.</summary>
[OpenApiExample("""
    {
      "cartId": "01a213ba-7a67-774e-9bcd-3a96c5b91aaf",
      "status": "OPEN",
      "items": [
        {
          "lineId": "01a213ba-7c86-74ae-8968-9835e625a8ff",
          "menuItemId": 101,
          "name": "1-pc Chickenjoy with Rice",
          "unitPrice": 99.00,
          "quantity": 2,
          "lineTotal": 198.00
        },
        {
          "lineId": "01a213ba-7cd9-7f94-a712-3c4f5ae2b7b9",
          "menuItemId": 801,
          "name": "Peach Mango Pie",
          "unitPrice": 45.00,
          "quantity": 1,
          "lineTotal": 45.00
        }
      ],
      "total": 243.00,
      "orderId": null
    }
    """)]
public sealed record CartResponse(Guid CartId, string Status, IReadOnlyList<CartLineResponse> Items, decimal Total, Guid? OrderId)
{
    public static CartResponse From(Cart cart) =>
        new(cart.Id, cart.Status.ToCode(), [.. cart.Lines.Select(CartLineResponse.From)], cart.Total, cart.OrderId);
}
