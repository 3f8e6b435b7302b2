namespace Civic.Hosting.Grpc;

/// <summary>Who may call one RPC: anyone (<see cref="Roles"/> empty and <see cref="Anonymous"/>), or callers with one of <see cref="Roles"/>.</summary>
/// <param name="Path">"/package.Service/Method".</param>
/// <param name="Anonymous">True when the RPC is open to callers without a token.</param>
/// <param name="Roles">The roles that may call it, when not anonymous.</param>
/// <param name="Open">True for infrastructure (health, reflection): no token is even looked at.</param>
public sealed record RpcAccessRule(string Path, bool Anonymous, IReadOnlyList<string> Roles, bool Open = false);
