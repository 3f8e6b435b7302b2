using System.Security.Claims;
using Civic.Contracts.Common.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Civic.Hosting.Grpc;

/// <summary>
/// Authorises a call before its handler runs (<see cref="CivicServerInterceptor"/>), by the RPC's <see cref="RpcAccessRule"/>. A token
/// that is sent must be valid, even on anonymous RPCs (UNAUTHENTICATED otherwise), so that a signed-in
/// caller whose token expired hears so instead of silently getting the anonymous view. Health and
/// reflection stay open to all, without a token.
/// </summary>
public sealed partial class RpcAuthorization
{
    private readonly RpcAccessRulesProvider _rules;
    private readonly ILogger<RpcAuthorization> _logger;

    public RpcAuthorization(RpcAccessRulesProvider rules, IOptions<AuthOptions> options, ILogger<RpcAuthorization> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = rules;
        _logger = logger;
        if (!options.Value.HasIssuer)
        {
            Log.NoIssuer(logger);
        }
    }

    /// <summary>Completes when the call may go on; faults with UNAUTHENTICATED or PERMISSION_DENIED when it may not.</summary>
    public async ValueTask AuthorizeAsync(ServerCallContext context)
    {
        // An RPC without a rule cannot be reached: the rules cover every mapped method, checked at start-up.
        var rule = _rules.Rules.Find(context.Method)
            ?? throw new RpcException(new Status(StatusCode.PermissionDenied, $"{context.Method} declares no access rule."));
        if (rule.Open)
        {
            return;
        }

        var httpContext = context.GetHttpContext();
        if (rule.Anonymous && !httpContext.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            // No token sent to an open RPC: nothing to validate (the services read tokens from this header only).
            return;
        }

        var result = await httpContext.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Failure is not null)
        {
            Log.InvalidToken(_logger, rule.Path, result.Failure.GetType().Name);
            throw Denied(StatusCode.Unauthenticated,
                "The access token is not valid (expired, not yet valid, for another audience or issuer, or badly signed). Sign in again.",
                "Dit login er udløbet eller ugyldigt. Log ind igen.");
        }

        if (result.Succeeded)
        {
            httpContext.User = result.Principal;
        }

        if (rule.Anonymous)
        {
            return;
        }

        if (!result.Succeeded)
        {
            throw Denied(StatusCode.Unauthenticated,
                "This call needs a signed-in caller: send an access token (authorization: Bearer …).",
                "Du skal være logget ind for at gøre dette.");
        }

        var user = httpContext.User;
        if (rule.Roles.Any(user.IsInRole))
        {
            return;
        }

        var held = RolesOf(user);
        Log.Forbidden(_logger, rule.Path, held);
        throw Denied(StatusCode.PermissionDenied,
            $"Your role ({held}) may not call {rule.Path}; it is open to: {string.Join(", ", rule.Roles)}.",
            $"Din rolle ({held}) giver ikke adgang til dette.",
            ErrorReason.NotAllowed);
    }

    private static string RolesOf(ClaimsPrincipal user)
    {
        var roles = user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).ToList();
        return roles.Count == 0 ? "none" : string.Join(", ", roles);
    }

    private static RpcException Denied(StatusCode code, string message, string danish, ErrorReason? reason = null) =>
        RpcErrors.Build(code, message, danish, reason).ToRpcException();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "No token issuer is configured (Auth:Authority or, in development, Auth:SigningKey): only RPCs open to anonymous callers will succeed")]
        public static partial void NoIssuer(ILogger logger);

        [LoggerMessage(2, LogLevel.Information, "Refused an invalid access token on {Method} ({Failure})")]
        public static partial void InvalidToken(ILogger logger, string method, string failure);

        [LoggerMessage(3, LogLevel.Information, "Refused {Method} to a caller with role(s) {Roles}")]
        public static partial void Forbidden(ILogger logger, string method, string roles);
    }
}
