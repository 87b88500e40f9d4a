using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace Kiosk.Idempotency;

public static class IdempotentEndpoints
{
    /// <summary>
    /// Lets clients repeat this endpoint safely with an <c>Idempotency-Key</c> header: its effect, saved through
    /// <typeparamref name="TContext"/> (whose model has <see cref="IdempotencyModelExtensions.AddIdempotencyKeys"/>), and its
    /// answer commit together; <typeparamref name="TRequest"/> is the body whose fingerprint the key is bound to.
    /// Add it after any authorization filter, so a refused caller never takes a key.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotencyKey<TContext, TRequest>(this RouteHandlerBuilder builder) where TContext : DbContext
    {
        builder.AddEndpointFilter<IdempotencyFilter<TContext, TRequest>>();
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKey.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = $"Optional: 1–{IdempotencyKey.MaxLength} printable ASCII characters, new for each user action (a UUID). "
                    + "A repeat with the same key and body gets the first answer again (same status and body, plus "
                    + $"`{IdempotencyKey.ReplayedHeaderName}: true`) and changes nothing; the same key with another body answers 422; "
                    + "a repeat while the first is still running waits for its answer (409 + `Retry-After: 1` after 5 s). "
                    + "Answers with status 5xx or `Retry-After` are not kept, so their repeat runs again. Keys are kept 24 hours.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
            });
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status.StartsWith('2') && response is OpenApiResponse success)
                {
                    success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    success.Headers[IdempotencyKey.ReplayedHeaderName] = new OpenApiHeader
                    {
                        Description = "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    };
                }
            }
            return Task.CompletedTask;
        });
        return builder;
    }
}
