using Kiosk.Contracts.Events;

namespace Kiosk.Web.Live;

/// <summary>
/// One event as the live streams see it: its place in this process's feed, and what happened. A notice that the feed
/// stopped or started receiving events again has <see cref="Live"/> set and no place (it is not kept for resuming).
/// </summary>
public sealed record LiveEvent(long Sequence, OrderStatusChanged? Order, MenuAvailabilityChanged? Menu, bool? Live = null);
