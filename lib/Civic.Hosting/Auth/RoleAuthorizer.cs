using System.Collections.Frozen;
using System.Reflection;
using System.Security.Claims;
using Civic.Contracts.Common.V1;
using Civic.Hosting.Errors;
using Civic.Rpc.Server;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Status = Civic.Rpc.Status;
using StatusCode = Civic.Rpc.StatusCode;

namespace Civic.Hosting.Auth;

/// <summary>
/// Authorises every RPC before its handler runs, from what the handler method declares:
/// <see cref="AllowRolesAttribute"/> or <see cref="AllowAnonymousAttribute"/>. Deny by default: an
/// RPC with neither stops start-up. A token that is sent must be valid, even on anonymous RPCs
/// (UNAUTHENTICATED otherwise), so that a signed-in caller whose token expired hears so instead of
/// silently getting the anonymous view. Health and reflection stay open to all, without a token.
/// </summary>
public sealed partial class RoleAuthorizer : IRpcAuthorizer
{
    /// <summary>Infrastructure services every caller may use: probes and tools must work without a token.</summary>
    public static readonly FrozenSet<string> OpenServices = new[]
    {
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly RpcCallAuthorization Open = static _ => ValueTask.FromResult<Status?>(null);
    private readonly ILogger<RoleAuthorizer> _logger;

    /// <summary>An authoriser for this server; warns once when no token issuer is configured.</summary>
    public RoleAuthorizer(IOptions<AuthOptions> options, ILogger<RoleAuthorizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        if (!options.Value.HasIssuer)
        {
            Log.NoIssuer(logger);
        }
    }

    /// <inheritdoc />
    public RpcCallAuthorization Bind(RpcMethodBinding method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (OpenServices.Contains(method.Rpc.Service.FullName))
        {
            return Open;
        }

        var declaration = Declaration(method);
        var path = $"/{method.Rpc.Service.FullName}/{method.Rpc.Name}";
        return declaration is null
            ? context => AuthenticateAsync(context, path, anonymous: true, roles: [])
            : context => AuthenticateAsync(context, path, anonymous: false, declaration.Roles);
    }

    /// <summary>The roles a handler method allows, or null when it allows anonymous callers.</summary>
    /// <exception cref="InvalidOperationException">The method declares nothing, both, or an unknown role.</exception>
    public static AllowRolesAttribute? Declaration(RpcMethodBinding method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var roles = method.HandlerMethod.GetCustomAttribute<AllowRolesAttribute>();
        var anonymous = method.HandlerMethod.GetCustomAttributes().Any(a => a is IAllowAnonymous);
        if (roles is null && !anonymous)
        {
            roles = method.HandlerType.GetCustomAttribute<AllowRolesAttribute>();
            anonymous = method.HandlerType.GetCustomAttributes().Any(a => a is IAllowAnonymous);
        }

        var where = $"{method.HandlerType.Name}.{method.HandlerMethod.Name}";
        if (roles is null && !anonymous)
        {
            throw new InvalidOperationException(
                $"{where} declares no authorisation: add [AllowRoles(...)] with the roles that may call it, or [AllowAnonymous] if everyone may.");
        }

        if (roles is not null && anonymous)
        {
            throw new InvalidOperationException($"{where} declares both [AllowRoles] and [AllowAnonymous]; keep one.");
        }

        var unknown = roles?.Roles.Where(r => !CivicRoles.All.Contains(r, StringComparer.Ordinal)).ToList() ?? [];
        if (roles is { Roles.Count: 0 } || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{where} allows unknown roles ({string.Join(", ", unknown)}); use some of {string.Join(", ", CivicRoles.All)}.");
        }

        return roles;
    }

    private async ValueTask<Status?> AuthenticateAsync(ServerCallContext context, string path, bool anonymous, IReadOnlyList<string> roles)
    {
        var httpContext = context.GetHttpContext();
        var result = await httpContext.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Failure is not null)
        {
            Log.InvalidToken(_logger, path, result.Failure.GetType().Name);
            return Denied(StatusCode.Unauthenticated,
                "The access token is not valid (expired, not yet valid, for another audience or issuer, or badly signed). Sign in again.",
                "Dit login er udløbet eller ugyldigt. Log ind igen.");
        }

        if (result.Succeeded)
        {
            httpContext.User = result.Principal;
        }

        if (anonymous)
        {
            return null;
        }

        if (!result.Succeeded)
        {
            return Denied(StatusCode.Unauthenticated,
                "This call needs a signed-in caller: send an access token (authorization: Bearer …).",
                "Du skal være logget ind for at gøre dette.");
        }

        var user = httpContext.User;
        foreach (var role in roles)
        {
            if (user.IsInRole(role))
            {
                return null;
            }
        }

        var held = RolesOf(user);
        Log.Forbidden(_logger, path, held);
        return Denied(StatusCode.PermissionDenied,
            $"Your role ({held}) may not call {path}; it is open to: {string.Join(", ", roles)}.",
            $"Din rolle ({held}) giver ikke adgang til dette.",
            ErrorReason.NotAllowed);
    }

    private static string RolesOf(ClaimsPrincipal user)
    {
        var roles = user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).ToList();
        return roles.Count == 0 ? "none" : string.Join(", ", roles);
    }

    private static Status Denied(StatusCode code, string message, string danish, ErrorReason? reason = null)
    {
        var details = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (reason is { } known)
        {
            details.Details.Add(Any.Pack(new ErrorInfo { Domain = DomainExceptionMapper.ErrorDomain, Reason = DomainExceptionMapper.ReasonName(known) }));
        }

        details.Details.Add(Any.Pack(new LocalizedMessage { Locale = DomainExceptionMapper.DanishLocale, Message = danish }));
        return new Status(code, message, details);
    }

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
