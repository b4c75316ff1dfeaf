using Microsoft.AspNetCore.Mvc;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Credentials;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Execution.Apis;

/// <summary>
/// <c>/api/v1/broker/connection</c>: the user's own Alpaca keys. PUT verifies them against Alpaca (<c>GET /v2/account</c>)
/// and stores them sealed; GET shows the masked key id, the account number and paper/live; DELETE disconnects (the
/// sealed keys are deleted). The keys are never returned, never logged, and never echoed in a validation message.
/// </summary>
public static class BrokerConnectionApi
{
    public const int MaxKeyIdLength = 128;
    public const int MaxSecretLength = 256;

    public static RouteGroupBuilder MapBrokerConnectionApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/broker/connection").WithTags("Broker connection").RequireAuthorization();
        api.MapPut("/", ConnectAsync);
        api.MapGet("/", GetAsync);
        api.MapDelete("/", DisconnectAsync);
        return api;
    }

    public static async Task<Results<Ok<BrokerConnectionResponse>, ValidationProblem, ProblemHttpResult>> ConnectAsync(
        [FromBody] BrokerConnectionRequest? request,
        ClaimsPrincipal principal,
        AlpacaClientFactory alpaca,
        BrokerCredentialStore store,
        CredentialKeyRing keys,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var environment = request?.Environment?.Trim().ToLowerInvariant();
        errors.Check(request?.Broker is null || request.Broker.Trim().Equals(BrokerCredentialStore.Alpaca, StringComparison.OrdinalIgnoreCase),
            "broker", "Only alpaca is supported.");
        errors.Check(environment is not null && AlpacaEnvironments.All.Contains(environment), "environment", "Must be paper or live.");
        errors.Check(IsCredential(request?.KeyId, MaxKeyIdLength), "keyId", $"Required: 1 to {MaxKeyIdLength} visible ASCII characters without spaces.");
        errors.Check(IsCredential(request?.SecretKey, MaxSecretLength), "secretKey", $"Required: 1 to {MaxSecretLength} visible ASCII characters without spaces.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (!keys.IsConfigured)
        {
            return TypedResults.Problem("Broker connections are not enabled on this installation.", statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Broker connections unavailable", type: ProblemTypes.For("broker-connections-unavailable"));
        }

        var credentials = new AlpacaCredentials(request!.KeyId!, request.SecretKey!, environment == AlpacaEnvironments.Paper);
        Brokers.Alpaca.Dto.AlpacaAccount account;
        try
        {
            account = await alpaca.Create(credentials).GetAccountAsync(cancellationToken);
        }
        catch (AlpacaApiException error) when (error.Kind is AlpacaErrorKind.Unauthorized or AlpacaErrorKind.Forbidden)
        {
            return TypedResults.Problem($"Alpaca refused these keys for its {environment} endpoint. Check the key id, the secret, and that they belong to a {environment} account.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Alpaca refused the keys", type: ProblemTypes.For("broker-credentials-rejected"));
        }
        catch (AlpacaApiException error)
        {
            return TypedResults.Problem($"Alpaca could not verify the keys now ({error.Kind}); nothing was stored. Try again shortly.",
                statusCode: error.IsTransient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
                title: "Alpaca unavailable", type: ProblemTypes.For("broker-unavailable"));
        }

        var connection = await store.SaveAsync(principal.GetUserId(), credentials, account, cancellationToken);
        return TypedResults.Ok(BrokerConnectionResponse.From(connection));
    }

    public static async Task<Results<Ok<BrokerConnectionResponse>, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal principal, BrokerCredentialStore store, CancellationToken cancellationToken)
    {
        var connection = await store.FindAsync(principal.GetUserId(), cancellationToken);
        return connection is null ? ProblemResults.NotFound("No broker connection.") : TypedResults.Ok(BrokerConnectionResponse.From(connection));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DisconnectAsync(
        ClaimsPrincipal principal, BrokerCredentialStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(principal.GetUserId(), cancellationToken)
            ? TypedResults.NoContent()
            : ProblemResults.NotFound("No broker connection.");

    private static bool IsCredential(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && value.All(c => c is > ' ' and <= '~');
}
