namespace Kiosk.Orders.Domain;

/// <summary>A choice on an order line (drink, upsize, add-on); its delta is already in the line's unit price.</summary>
public sealed record OrderItemChoice(int Id, string Name, decimal PriceDelta);
