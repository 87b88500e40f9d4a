namespace Kiosk.Cart.Domain;

/// <summary>One choice on a cart line (a drink, an upsize, an add-on), with the name and delta the menu had when it was added.</summary>
public sealed record ChosenOption(int Id, string Name, decimal PriceDelta);
