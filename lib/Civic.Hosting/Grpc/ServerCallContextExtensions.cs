using System.Security.Claims;
using Grpc.Core;

namespace Civic.Hosting.Grpc;

public static class ServerCallContextExtensions
{
    extension(ServerCallContext context)
    {
        /// <summary>The caller, as <see cref="RpcAuthorizationInterceptor"/> authenticated them (anonymous when no token was sent).</summary>
        public ClaimsPrincipal User => context.GetHttpContext().User;
    }
}
