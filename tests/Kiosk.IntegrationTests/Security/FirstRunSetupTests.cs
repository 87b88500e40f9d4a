using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.Testing;
using Npgsql;

namespace Kiosk.IntegrationTests.Security;

/// <summary>
/// The first-run path with two web replicas: each replica's setup code is stored (as a hash) where the other finds it,
/// one code creates the first manager once and spends them all, and wrong PINs count against an address whichever
/// replica they reach. Each guesser connects from its own loopback address.
/// </summary>
[Collection(FirstRunCollection.Name)]
public sealed class FirstRunSetupTests(FirstRunFixture app)
{
    private const int AllowedWrongPins = 5; // Kiosk:Web:SignInAttempts, left at its default
    private const int NoSuchCrewMember = 999_999;
    private static readonly CrewLogin FirstManager = new("Morgan Manager", "864209");

    [Fact]
    public async Task A_setup_code_logged_by_one_replica_creates_the_first_manager_once_and_the_manager_sees_the_manager_screens()
    {
        var (first, second) = (app.Replicas[0], app.Replicas[1]);
        Assert.NotEqual(first.SetupCode, second.SetupCode);

        // Both codes are in the database, as hashes only, with an issue time and an expiry.
        var stored = await StoredSetupCodesAsync();
        Assert.Equal(
            new[] { first.SetupCode, second.SetupCode }.Select(Sha256Hex).Order(),
            stored.Select(code => code.HashHex).Order());
        Assert.All(stored, code => Assert.True(code.ExpiresAt > code.IssuedAt));

        // The sign-in page offers nobody yet and points to the setup page.
        using var visitor = new StaffForms(app.GatewayUrl, "127.0.0.81");
        var (signInStatus, signInPage) = await visitor.GetAsync("/staff/signin");
        Assert.Equal(HttpStatusCode.OK, signInStatus);
        Assert.Empty(await visitor.CrewOnSignInListAsync());
        Assert.Contains("data-testid=\"needs-setup\"", signInPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/setup\"", signInPage, StringComparison.Ordinal);

        // A wrong code is refused and creates nobody.
        var wrong = await visitor.SetUpAsync("WRONGCODE2", FirstManager.Name, FirstManager.Pin);
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("That setup code is not right", wrong.Body, StringComparison.Ordinal);
        Assert.Empty(await visitor.CrewOnSignInListAsync());

        // A second setup form, opened while the store still had no manager, to try the codes again afterwards.
        using var atFirst = new StaffForms(first.Url, "127.0.0.83");
        var staleForm = await atFirst.FormTokenAsync("/staff/setup");

        // The first replica's code, typed at the second replica itself, creates the manager.
        using (var atSecond = new StaffForms(second.Url, "127.0.0.82"))
        {
            var created = await atSecond.SetUpAsync(first.SetupCode, FirstManager.Name, FirstManager.Pin);
            Assert.Equal(HttpStatusCode.Redirect, created.Status);
            Assert.Equal("/staff/signin", created.Location, StringComparer.OrdinalIgnoreCase);
        }
        Assert.Empty(await StoredSetupCodesAsync());

        // Neither that code (again, at the replica that logged it) nor the other replica's makes a second manager.
        foreach (var code in new[] { first.SetupCode, second.SetupCode })
        {
            var again = await atFirst.SetUpAsync(code, "Second Manager", "555111", staleForm);
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.Contains("data-testid=\"setup-done\"", again.Body, StringComparison.Ordinal);
        }
        var crew = await visitor.CrewOnSignInListAsync();
        Assert.Equal([FirstManager.Name], crew.Keys);

        // The new manager signs in through the gateway and opens the manager screens.
        using var manager = new StaffForms(app.GatewayUrl, "127.0.0.84");
        var signedIn = await manager.SignInAsync(crew[FirstManager.Name], FirstManager.Pin);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        foreach (var screen in new[] { "/staff/crew", "/staff/audit", "/staff/report", "/staff/stock" })
        {
            var (status, _) = await manager.GetAsync(screen);
            Assert.True(status == HttpStatusCode.OK, $"{screen} answered {(int)status} to the first manager.");
        }
    }

    [Fact]
    public async Task Wrong_pins_spread_over_both_replicas_lock_the_address_out_after_the_allowed_number()
    {
        using var atFirst = new StaffForms(app.Replicas[0].Url, "127.0.0.91");
        using var atSecond = new StaffForms(app.Replicas[1].Url, "127.0.0.91");
        var replicas = new[] { atFirst, atSecond };

        // Three at one replica, two at the other: each alone saw fewer than the limit.
        for (var attempt = 1; attempt < AllowedWrongPins; attempt++)
        {
            var answer = await replicas[attempt % 2].SignInAsync(NoSuchCrewMember, "0000");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Contains("That PIN is not right", answer.Body, StringComparison.Ordinal);
        }
        var last = await replicas[AllowedWrongPins % 2].SignInAsync(NoSuchCrewMember, "0000");
        Assert.Equal(HttpStatusCode.TooManyRequests, last.Status);
        Assert.Contains("Too many wrong PINs", last.Body, StringComparison.Ordinal);
        Assert.NotNull(last.RetryAfter);

        // Both replicas now refuse the address before looking at any PIN.
        foreach (var replica in replicas)
        {
            var refused = await replica.SignInAsync(NoSuchCrewMember, "0000");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        }
    }

    [Fact]
    public async Task Wrong_pins_counted_at_the_same_moment_by_both_replicas_are_all_counted()
    {
        var guessers = Enumerable.Range(0, AllowedWrongPins - 1)
            .Select(i => new StaffForms(app.Replicas[i % 2].Url, "127.0.0.92"))
            .ToList();
        try
        {
            var answers = await Task.WhenAll(guessers.Select(g => g.SignInAsync(NoSuchCrewMember, "0000")));
            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));

            // Had any of those four been lost, this would be allowed.
            var fifth = await guessers[0].SignInAsync(NoSuchCrewMember, "0000");
            Assert.Equal(HttpStatusCode.TooManyRequests, fifth.Status);
        }
        finally
        {
            guessers.ForEach(g => g.Dispose());
        }
    }

    private async Task<IReadOnlyList<(string HashHex, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)>> StoredSetupCodesAsync()
    {
        var connectionString = await app.App.GetConnectionStringAsync("webdb");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT code_hash, issued_at, expires_at FROM setup_codes", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new List<(string, DateTimeOffset, DateTimeOffset)>();
        while (await reader.ReadAsync())
        {
            codes.Add((Convert.ToHexString((byte[])reader[0]), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return codes;
    }

    private static string Sha256Hex(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
