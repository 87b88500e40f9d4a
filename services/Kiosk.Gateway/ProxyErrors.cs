using Yarp.ReverseProxy.Forwarder;

namespace Kiosk.Gateway;

/// <summary>YARP answers a failed forward with an empty 502/503/504; say which service is down instead.</summary>
internal static class ProxyErrors
{
    public static async Task AnswerWithProblemDetailsAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);

        var status = context.Response.StatusCode;
        if (context.GetForwarderErrorFeature() is null
            || context.Response.HasStarted
            || context.RequestAborted.IsCancellationRequested
            || status is not (StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout))
        {
            return;
        }

        var service = context.GetRouteModel().Config.ClusterId;
        var detail = status == StatusCodes.Status504GatewayTimeout
            ? $"The {service} service did not answer in time. Please try again."
            : $"The {service} service cannot be reached right now. Please try again in a moment.";
        await TypedResults.Problem(detail: detail, statusCode: status, title: "A kiosk service is unavailable").ExecuteAsync(context);
    }
}
