using Kiosk.Contracts;

namespace Kiosk.UnitTests.Idempotency;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("7c0e6e1e-3a4b-4f0e-9d1c-2b5f8a9e6d10")]
    [InlineData("a")]
    [InlineData("pay order 42, attempt #1 ~ (cashier 3)")]
    public void A_key_of_printable_ASCII_up_to_200_characters_is_accepted(string key) =>
        Assert.Null(IdempotencyKey.Reject(key));

    [Fact]
    public void A_key_of_exactly_200_characters_is_accepted_and_201_is_refused()
    {
        Assert.Null(IdempotencyKey.Reject(new string('k', 200)));
        Assert.Contains("201", IdempotencyKey.Reject(new string('k', 201)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("ключ")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("café")]
    public void An_empty_key_or_one_with_other_characters_is_refused_with_a_message_naming_the_header(string? key)
    {
        var problem = IdempotencyKey.Reject(key);

        Assert.NotNull(problem);
        Assert.Contains(IdempotencyKey.HeaderName, problem);
    }
}
