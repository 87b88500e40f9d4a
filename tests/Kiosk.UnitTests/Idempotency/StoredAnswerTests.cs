using Kiosk.Idempotency;

namespace Kiosk.UnitTests.Idempotency;

public sealed class StoredAnswerTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(400)] // the body was invalid: it stays invalid
    [InlineData(404)]
    [InlineData(409)] // already paid
    [InlineData(422)] // not enough cash: replayed as it is
    public void Success_and_refusals_caused_by_the_request_are_kept_for_the_key(int status) =>
        Assert.True(StoredAnswer.IsFinal(status, retryAfter: false));

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)] // order not ready yet: the repeat must be able to succeed
    [InlineData(408)]
    [InlineData(429)]
    public void Answers_that_say_try_again_are_not_kept(int status) =>
        Assert.False(StoredAnswer.IsFinal(status, retryAfter: false));

    [Fact]
    public void Any_answer_with_Retry_After_is_not_kept() =>
        Assert.False(StoredAnswer.IsFinal(409, retryAfter: true));
}
