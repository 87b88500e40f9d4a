namespace Kiosk.Cart.Menu;

/// <summary>The menu service could not be asked (down, too slow, or answering errors): the customer should try again.</summary>
public sealed class MenuUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
