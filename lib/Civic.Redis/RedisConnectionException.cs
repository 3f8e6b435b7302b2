namespace Civic.Redis;

/// <summary>
/// Redis could not be reached, or the connection was lost while a command waited for its reply
/// (the command may or may not have run). The client reconnects by itself; later commands can succeed.
/// </summary>
public class RedisConnectionException : RedisException
{
    public RedisConnectionException()
    {
    }

    public RedisConnectionException(string message)
        : base(message)
    {
    }

    public RedisConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
