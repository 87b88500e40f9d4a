using Microsoft.Extensions.Options;

namespace Kiosk.Web.Security;

/// <summary>
/// Counts wrong staff PINs per client address. After <see cref="KioskWebOptions.SignInAttempts"/> of them within
/// <see cref="KioskWebOptions.SignInLockoutSeconds"/>, that address may not try again until the same period has passed.
/// </summary>
/// <remarks>Kept in memory: the kiosk runs one web process, and a restart forgiving everyone is acceptable.</remarks>
public sealed class SignInThrottle(IOptions<KioskWebOptions> options, TimeProvider clock)
{
    private readonly Dictionary<string, Client> _clients = [];
    private readonly Lock _lock = new();

    private int Attempts => Math.Max(1, options.Value.SignInAttempts);
    private TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.Value.SignInLockoutSeconds));

    /// <summary>How long <paramref name="client"/> must still wait before it may enter a PIN; zero when it may try now.</summary>
    public TimeSpan LockedFor(string client)
    {
        lock (_lock)
        {
            return _clients.TryGetValue(client, out var state) ? Remaining(state, clock.GetUtcNow()) : TimeSpan.Zero;
        }
    }

    /// <summary>Counts a wrong PIN from <paramref name="client"/>; the last one allowed starts the lockout.</summary>
    public SignInFailure RecordFailure(string client)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            ForgetStale(now);
            if (!_clients.TryGetValue(client, out var state))
            {
                _clients[client] = state = new Client();
            }

            state.Failures.Add(now);
            var count = state.Failures.Count;
            if (count >= Attempts)
            {
                state.LockedUntil = now + Period;
                state.Failures.Clear();
            }
            return new SignInFailure(count, Attempts, Remaining(state, now));
        }
    }

    /// <summary>The right PIN wipes the slate: the crew member's earlier typos no longer count.</summary>
    public void RecordSuccess(string client)
    {
        lock (_lock)
        {
            _clients.Remove(client);
        }
    }

    private static TimeSpan Remaining(Client state, DateTimeOffset now) =>
        state.LockedUntil > now ? state.LockedUntil - now : TimeSpan.Zero;

    // Keeps memory bounded by the addresses that failed recently (Dictionary allows Remove while enumerating).
    private void ForgetStale(DateTimeOffset now)
    {
        var cutoff = now - Period;
        foreach (var (client, state) in _clients)
        {
            state.Failures.RemoveAll(at => at <= cutoff);
            if (state.Failures.Count == 0 && state.LockedUntil <= now)
            {
                _clients.Remove(client);
            }
        }
    }

    private sealed class Client
    {
        public List<DateTimeOffset> Failures { get; } = [];
        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}

/// <summary>A wrong PIN counted: the <paramref name="Count"/>th of <paramref name="Allowed"/>, and the lockout it started, if any.</summary>
public readonly record struct SignInFailure(int Count, int Allowed, TimeSpan LockedFor)
{
    public bool LockedOut => LockedFor > TimeSpan.Zero;
}
