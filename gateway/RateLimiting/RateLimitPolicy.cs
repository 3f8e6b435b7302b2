namespace Civic.Gateway.RateLimiting;

/// <summary>Which limit a request counts against.</summary>
public enum RateLimitPolicy
{
    Anonymous,
    Authenticated,
    Login,
    Create,
}
