namespace Kiosk.IntegrationTests.Flow;

/// <summary>
/// Which documented id stands for which real one. The documented examples come from another run, so an id (or an order
/// number) may differ, but the same documented id must always stand for the same real id, and two different ones for two.
/// </summary>
public sealed class Identities
{
    private readonly Dictionary<string, string> _toActual;
    private readonly Dictionary<string, string> _toDocumented;

    public Identities() : this([], [])
    {
    }

    private Identities(Dictionary<string, string> toActual, Dictionary<string, string> toDocumented)
    {
        _toActual = toActual;
        _toDocumented = toDocumented;
    }

    /// <returns>False when either side is already bound to something else.</returns>
    public bool Bind(string documented, string actual)
    {
        if (_toActual.TryGetValue(documented, out var bound))
        {
            return bound == actual;
        }
        if (_toDocumented.ContainsKey(actual))
        {
            return false;
        }
        _toActual[documented] = actual;
        _toDocumented[actual] = documented;
        return true;
    }

    public string? ActualFor(string documented) => _toActual.GetValueOrDefault(documented);

    public Identities Copy() => new(new(_toActual), new(_toDocumented));

    public void Adopt(Identities other)
    {
        foreach (var (documented, actual) in other._toActual)
        {
            _toActual[documented] = actual;
            _toDocumented[actual] = documented;
        }
    }
}
