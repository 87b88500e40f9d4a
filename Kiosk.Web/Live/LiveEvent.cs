using Kiosk.Contracts.Events;

namespace Kiosk.Web.Live;

/// <summary>One event as the live streams see it: its place in this process's feed, and what happened.</summary>
public sealed record LiveEvent(long Sequence, OrderStatusChanged? Order, MenuAvailabilityChanged? Menu);
