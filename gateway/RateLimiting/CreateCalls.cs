using System.Collections.Frozen;
using System.Reflection;
using Civic.Contracts.Common.V1;
using Google.Protobuf.Reflection;

namespace Civic.Gateway.RateLimiting;

/// <summary>
/// The gRPC methods whose contract declares <c>option (civic.common.v1.rate_limit) = RATE_LIMIT_CLASS_CREATE</c>, as
/// request paths (<c>/package.Service/Method</c>), read once from the contracts' descriptors.
/// </summary>
public static class CreateCalls
{
    public static FrozenSet<string> Paths { get; } = typeof(CommonReflection).Assembly.GetTypes()
        .Where(type => type.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .SelectMany(file => file.Services)
        .SelectMany(service => service.Methods)
        .Where(method => method.GetOptions()?.GetExtension(RateLimitsExtensions.RateLimit) == RateLimitClass.Create)
        .Select(method => $"/{method.Service.FullName}/{method.Name}")
        .ToFrozenSet(StringComparer.Ordinal);
}
