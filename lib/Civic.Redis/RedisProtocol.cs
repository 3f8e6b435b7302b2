namespace Civic.Redis;

/// <summary>The RESP version spoken on a connection.</summary>
public enum RedisProtocol
{
    /// <summary>RESP2, which every Redis speaks.</summary>
    Resp2 = 2,

    /// <summary>RESP3 (Redis 6 and later), asked for with <c>HELLO 3</c>; falls back to RESP2 if refused.</summary>
    Resp3 = 3,
}
