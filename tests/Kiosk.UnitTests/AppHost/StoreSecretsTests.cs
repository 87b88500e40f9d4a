using Aspire.Hosting.Testing;

namespace Kiosk.UnitTests.AppHost;

public sealed class StoreSecretsTests
{
    [Fact]
    public async Task The_AppHost_refuses_to_start_in_Production_with_the_development_staff_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(
            ["--environment=Production", "--Parameters:staff-api-key=kiosk-dev-staff-key"]));

        Assert.Contains("Parameters:staff-api-key is the development value", Innermost(error).Message);
    }

    [Fact]
    public async Task The_AppHost_refuses_to_start_in_Production_without_a_staff_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(
            ["--environment=Production"]));

        Assert.Contains("Parameters:staff-api-key is not set", Innermost(error).Message);
    }

    [Fact]
    public async Task The_AppHost_refuses_a_development_crew_seed_in_Production()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(
            ["--environment=Production", "--Parameters:staff-api-key=a-real-store-key-7f3a", "--Kiosk:Crew:DevManagerPin=480215"]));

        var message = Innermost(error).Message;
        Assert.Contains("Kiosk:Crew:DevManagerPin is set", message);
        Assert.DoesNotContain("Parameters:staff-api-key is", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_AppHost_builds_in_Production_once_a_real_staff_key_is_set()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(
            ["--environment=Production", "--Parameters:staff-api-key=a-real-store-key-7f3a"]);

        Assert.Equal("Production", builder.Environment.EnvironmentName);
    }

    private static Exception Innermost(Exception error) => error.InnerException is null ? error : Innermost(error.InnerException);
}
