namespace Civic.Redis;

/// <summary>Redis refused the configured user name or password (or needs one and none was given).</summary>
public sealed class RedisAuthenticationException : RedisConnectionException
{
    public RedisAuthenticationException()
    {
    }

    public RedisAuthenticationException(string message)
        : base(message)
    {
    }

    public RedisAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
