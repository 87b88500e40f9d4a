using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Kiosk.Web.Pages;

/// <summary>Where unhandled failures and unknown addresses land: a calm message and a way back, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = StatusCodes.Status500InternalServerError;
    public string? RequestId { get; private set; }
    public bool IsStaffArea { get; private set; }

    public void OnGet(int? code) => Show(code);

    // A failed POST re-executes here as a POST.
    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code ?? StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // The exception handler middleware has already logged the failure with its stack trace.
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        IsStaffArea = original.StartsWith("/staff", StringComparison.OrdinalIgnoreCase);
        Response.StatusCode = Code;
    }
}
