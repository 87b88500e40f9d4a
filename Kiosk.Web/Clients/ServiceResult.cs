using System.Diagnostics.CodeAnalysis;

namespace Kiosk.Web.Clients;

/// <summary>A service answer the pages can show either way: the value, or the problem to put in a banner.</summary>
public sealed record ServiceResult<T>(T? Value, ServiceProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;
}

public static class ServiceResult
{
    public static ServiceResult<T> Success<T>(T value) => new(value, null);

    public static ServiceResult<T> Failure<T>(ServiceProblem problem) => new(default, problem);
}
