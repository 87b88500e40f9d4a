using Aspire.Hosting.Testing;

namespace Kiosk.UnitTests.AppHost;

public sealed class StoreSecretsTests
{
    [Fact]
    public async Task The_AppHost_refuses_to_start_in_Production_with_the_development_staff_key_and_no_pin()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(
            ["--environment=Production", "--Parameters:staff-api-key=kiosk-dev-staff-key"]));

        var message = Innermost(error).Message;
        Assert.Contains("Parameters:staff-api-key is the development value", message);
        Assert.Contains("Parameters:staff-pin is not set", message);
    }

    [Fact]
    public async Task The_AppHost_builds_in_Production_once_real_secrets_are_set()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Kiosk_AppHost>(
            ["--environment=Production", "--Parameters:staff-api-key=a-real-store-key-7f3a", "--Parameters:staff-pin=480215"]);

        Assert.Equal("Production", builder.Environment.EnvironmentName);
    }

    private static Exception Innermost(Exception error) => error.InnerException is null ? error : Innermost(error.InnerException);
}
