using System.Text.Json;

namespace Kiosk.Contracts.Events;

/// <summary>The one JSON form of integration events on the wire (field names come from the records' attributes).</summary>
public static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        // Other producers (the original Node services, kcat) may send any casing of enum-like strings; field names stay exact.
        PropertyNameCaseInsensitive = false,
    };

    public static byte[] Serialize<TEvent>(TEvent @event) where TEvent : IIntegrationEvent =>
        JsonSerializer.SerializeToUtf8Bytes(@event, Options);

    public static string SerializeToString<TEvent>(TEvent @event) where TEvent : IIntegrationEvent =>
        JsonSerializer.Serialize(@event, Options);

    /// <summary>Reads an event, or explains in <see cref="InvalidEventException"/> why the bytes are not one.</summary>
    public static TEvent Deserialize<TEvent>(ReadOnlySpan<byte> json) where TEvent : IIntegrationEvent
    {
        TEvent? @event;
        try
        {
            @event = JsonSerializer.Deserialize<TEvent>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException($"Not a valid {typeof(TEvent).Name} JSON document: {ex.Message}", ex);
        }

        if (@event is null)
        {
            throw new InvalidEventException($"The message body is empty or null, not a {typeof(TEvent).Name}.");
        }
        if (@event.EventId == Guid.Empty)
        {
            throw new InvalidEventException($"{typeof(TEvent).Name} has no event_id.");
        }
        return @event;
    }
}

/// <summary>A message that can never be handled, whatever the number of retries: it goes straight to the dead-letter topic.</summary>
public sealed class InvalidEventException : Exception
{
    public InvalidEventException(string message) : base(message) { }
    public InvalidEventException(string message, Exception inner) : base(message, inner) { }
}
