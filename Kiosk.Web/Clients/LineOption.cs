namespace Kiosk.Web.Clients;

/// <summary>A choice on a cart or order line (drink, upsize, add-on); its delta is already in the line's unit price.</summary>
public sealed record LineOption(int Id, string Name, decimal PriceDelta);

public static class LineOptions
{
    /// <summary>"Cola, Large drink" — how every screen lists a line's choices.</summary>
    public static string Describe(IReadOnlyList<LineOption>? choices) =>
        choices is null ? "" : string.Join(", ", choices.Select(c => c.Name));
}
