using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kiosk.Benchmarks;

/// <summary>
/// 200 live streams (confirmation screens, boards, kiosk menus and, signed in as crew, kitchens) held open through the
/// gateway for a minute while orders are paid and completed and an item is switched sold out and back: the web process's
/// extra resident memory (from /proc), and whether every stream received every event it should, each once.
/// </summary>
public sealed partial class ManyStreamsScenario(KioskApi api, Options options, Func<int?> webPid)
{
    private const int Streams = 200;
    private const int Orders = 40;
    // A dessert the other scenarios do not order; the latency scenario switches it too, but before this one runs.
    private const int SwitchedItem = 805;
    // The development manager the benchmark's AppHost seeds (Kiosk:Crew:DevManagerPin); against --url the kitchen
    // streams need a crew member of that name and PIN.
    public const string ManagerName = "Manager";
    public const string ManagerPin = "2468";
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Toggle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task<List<string>> RunAsync(int item)
    {
        if (webPid() is not { } pid || Rss(pid) is null)
        {
            return [$"{Streams} streams: the web process's memory cannot be read here; skipped"];
        }

        Report.Progress($"kiosk: {Streams} live streams held {Hold.TotalSeconds:0} s: placing {Orders} orders ...");
        var orders = new List<(string Id, decimal Total, int Number)>();
        for (var i = 0; i < Orders; i++)
        {
            var (orderId, total) = await api.CheckoutAsync(await api.FilledCartAsync(item));
            var order = await api.WaitForOrderAsync(orderId);
            orders.Add((orderId, total, order["orderNumber"]!.GetValue<int>()));
        }
        var completed = orders.Where((_, i) => i % 2 == 0).Select(o => o.Id).ToHashSet();
        using var staff = new HttpClient { BaseAddress = api.Gateway, Timeout = Patience };
        staff.DefaultRequestHeaders.Add("X-Api-Key", options.StaffKey);
        (await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = true })).EnsureSuccessStatusCode();

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Streams * 2, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = api.Gateway, Timeout = Timeout.InfiniteTimeSpan };
        var crew = await SignInAsync(http);

        var before = Rss(pid)!.Value;
        var streams = new List<Stream>();
        var numbers = orders.Select(o => o.Number).ToHashSet();
        var ids = orders.Select(o => o.Id).ToHashSet();
        for (var i = 0; i < Streams; i++)
        {
            // Two in five are confirmation screens (two per order), the rest boards, menus and kitchens in turn.
            if (i < Orders * 2)
            {
                var order = orders[i / 2];
                streams.Add(new Stream(http, "confirmation", $"/live/orders/{order.Id}", d => d["status"]?.GetValue<string>() is { } s and not "PENDING" ? s : null));
            }
            else
            {
                streams.Add((i % 3, crew) switch
                {
                    (0, _) or (2, false) => new Stream(http, "board", "/live/board",
                        d => d["orderNumber"]?.GetValue<int>() is { } n && numbers.Contains(n) && d["status"]?.GetValue<string>() is { } s and not "PENDING" ? $"{n}:{s}" : null),
                    (1, _) => new Stream(http, "menu", "/live/menu",
                        d => d["menuItemId"]?.GetValue<int>() == SwitchedItem && d["choiceId"] is null ? d["available"]!.GetValue<bool>().ToString() : null),
                    _ => new Stream(http, "kitchen", "/live/kitchen",
                        d => d["orderId"]?.GetValue<string>() is { } id && ids.Contains(id) && d["status"]?.GetValue<string>() is { } s and not "PENDING" ? $"{id}:{s}" : null),
                });
            }
        }

        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(pid) ?? peak);
                await Task.Delay(250);
            }
        });
        try
        {
            await Task.WhenAll(streams.Select(s => s.WaitForSnapshotAsync(Patience)));
            var opened = Rss(pid)!.Value;
            Report.Progress($"kiosk: {Streams} streams open; paying {Orders} orders, completing {completed.Count}, switching item {SwitchedItem} every {Toggle.TotalSeconds:0} s for {Hold.TotalSeconds:0} s ...");

            var (toggles, switched) = await DriveAsync(orders, completed, staff);
            var held = Rss(pid)!.Value;

            // What each stream should have: its order's statuses; every paid and completed number; every switch.
            var expectedBoard = orders.Select(o => $"{o.Number}:PAID").Concat(orders.Where(o => completed.Contains(o.Id)).Select(o => $"{o.Number}:COMPLETED")).ToList();
            var expectedKitchen = orders.Select(o => $"{o.Id}:PAID").Concat(completed.Select(id => $"{id}:COMPLETED")).ToList();
            List<string> Expected(Stream s) => s.Kind switch
            {
                "confirmation" => completed.Contains(s.Path[(s.Path.LastIndexOf('/') + 1)..]) ? ["PAID", "COMPLETED"] : ["PAID"],
                "board" => expectedBoard,
                "menu" => switched,
                _ => expectedKitchen,
            };
            var drained = Stopwatch.StartNew();
            while (streams.Any(s => !s.Has(Expected(s))) && drained.Elapsed < Patience)
            {
                await Task.Delay(200);
            }
            await Task.Delay(TimeSpan.FromSeconds(1));

            var complete = streams.Count(s => s.Exactly(Expected(s)));
            // Multiset differences: a menu stream expects "True" and "False" several times each.
            var missing = streams.Sum(s => Surplus(Expected(s), s.Keys));
            var repeated = streams.Sum(s => Surplus(s.Keys, Expected(s)));
            var ended = streams.Count(s => s.Ended);
            var kinds = string.Join(", ", streams.GroupBy(s => s.Kind).Select(g =>
                $"{g.Count()} {g.Key} ({g.Min(s => s.Keys.Count)}-{g.Max(s => s.Keys.Count)} events each, expected {g.Min(s => Expected(s).Count)}-{g.Max(s => Expected(s).Count)})"));
            return
            [
                $"{Streams} streams held {Hold.TotalSeconds:0} s ({kinds}); {Orders} orders paid, {completed.Count} completed, {toggles} switches",
                $"{Streams} streams: web RSS {Mib(before)} MiB before, {Mib(opened)} MiB open, {Mib(held)} MiB after the minute, {Mib(peak)} MiB peak: " +
                $"+{Mib(held - before)} MiB after, +{Mib(peak - before)} MiB at peak",
                $"{Streams} streams: {complete}/{Streams} received every event they should exactly once ({missing} missing, {repeated} more than expected, {ended} ended early)",
            ];
        }
        finally
        {
            await sampling.CancelAsync();
            await sampler;
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
            using var restore = await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = true });
        }
    }

    /// <summary>Over <see cref="Hold"/>: pays the orders evenly spread, completes every other one once it is paid, and switches the item every <see cref="Toggle"/>.</summary>
    private async Task<(int Toggles, List<string> Switched)> DriveAsync(
        List<(string Id, decimal Total, int Number)> orders, HashSet<string> completed, HttpClient staff)
    {
        var watch = Stopwatch.StartNew();
        var switched = new List<string>();
        var nextToggle = Toggle;
        var available = true;
        var payments = new List<Task>();
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            payments.Add(Task.Run(async () =>
            {
                await api.PayAsync(order.Id, order.Total);
                if (completed.Contains(order.Id))
                {
                    await api.WaitForOrderAsync(order.Id, "PAID");
                    using var done = await staff.PostAsync($"/api/orders/{order.Id}/complete", null);
                    done.EnsureSuccessStatusCode();
                }
            }));
            var due = Hold * (i + 1) / orders.Count;
            while (watch.Elapsed < due)
            {
                if (watch.Elapsed >= nextToggle)
                {
                    available = !available;
                    using var response = await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available });
                    response.EnsureSuccessStatusCode();
                    switched.Add(available.ToString());
                    nextToggle += Toggle;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }
        await Task.WhenAll(payments);
        if (!available)
        {
            using var response = await staff.PutAsJsonAsync($"/api/menu/items/{SwitchedItem}/availability", new { available = true });
            response.EnsureSuccessStatusCode();
            switched.Add(true.ToString());
        }
        return (switched.Count, switched);
    }

    /// <summary>Signs the manager in through the sign-in form (the cookie stays in the handler); false when refused.</summary>
    private static async Task<bool> SignInAsync(HttpClient http)
    {
        var page = await http.GetStringAsync("/staff/signin");
        if (AntiforgeryToken().Match(page) is not { Success: true } token)
        {
            return false;
        }
        var manager = CrewOption().Matches(page).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["name"].Value) == ManagerName);
        if (manager is null)
        {
            return false;
        }
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CrewId"] = manager.Groups["id"].Value,
            ["Pin"] = ManagerPin,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await http.PostAsync("/staff/signin", form);
        // Followed to the cashier screen when the PIN was right; the sign-in page again when it was not.
        return response.IsSuccessStatusCode && response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/staff/cashier", StringComparison.Ordinal) == true;
    }

    /// <summary>VmRSS of <paramref name="pid"/> in bytes; null when it cannot be read.</summary>
    private static long? Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>How many of <paramref name="these"/> are not matched one for one in <paramref name="those"/>.</summary>
    private static int Surplus(List<string> these, List<string> those) =>
        these.GroupBy(k => k).Sum(g => Math.Max(0, g.Count() - those.Count(k => k == g.Key)));

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("""<option value="(?<id>\d+)"[^>]*>(?<name>.+?) \(#\d+\)</option>""")]
    private static partial Regex CrewOption();

    /// <summary>One stream, read in the background: the key of each relevant event, in order.</summary>
    private sealed class Stream : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly TaskCompletionSource _snapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private readonly List<string> _keys = [];
        private readonly Task _reading;

        public Stream(HttpClient http, string kind, string path, Func<JsonNode, string?> key)
        {
            Kind = kind;
            Path = path;
            _reading = Task.Run(() => ReadAsync(http, key));
        }

        public string Kind { get; }
        public string Path { get; }
        public bool Ended { get; private set; }

        public List<string> Keys
        {
            get
            {
                lock (_gate)
                {
                    return [.. _keys];
                }
            }
        }

        public bool Has(List<string> expected)
        {
            var keys = Keys;
            return expected.GroupBy(e => e).All(g => keys.Count(k => k == g.Key) >= g.Count());
        }

        public bool Exactly(List<string> expected) => expected.Order().SequenceEqual(Keys.Order());

        public async Task WaitForSnapshotAsync(TimeSpan timeout)
        {
            if (await Task.WhenAny(_snapshot.Task, Task.Delay(timeout)) != _snapshot.Task)
            {
                throw new TimeoutException($"{Path}: no snapshot within {timeout.TotalSeconds:0} s");
            }
        }

        private async Task ReadAsync(HttpClient http, Func<JsonNode, string?> key)
        {
            try
            {
                using var response = await http.GetAsync(Path, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
                await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token))
                {
                    if (item.EventType == "snapshot")
                    {
                        _snapshot.TrySetResult();
                    }
                    else if (item.EventType is "order" or "availability" && JsonNode.Parse(item.Data) is { } data && key(data) is { } k)
                    {
                        lock (_gate)
                        {
                            _keys.Add(k);
                        }
                    }
                }
                Ended = true;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                Ended = true;
                _snapshot.TrySetException(ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAny(_reading, Task.Delay(TimeSpan.FromSeconds(10)));
            _stop.Dispose();
        }
    }
}
