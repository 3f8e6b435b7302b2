namespace Civic.Redis;

/// <summary>The kind of a reply, covering RESP2 and RESP3.</summary>
public enum RedisReplyType
{
    /// <summary>A status line (<c>+OK</c>).</summary>
    SimpleString,

    /// <summary>An error (<c>-ERR …</c>, or a RESP3 blob error).</summary>
    Error,

    /// <summary>A signed 64-bit integer.</summary>
    Integer,

    /// <summary>A binary-safe string.</summary>
    BulkString,

    /// <summary>An ordered list of replies.</summary>
    Array,

    /// <summary>No value: the RESP3 null, and RESP2's null bulk string and null array.</summary>
    Null,

    /// <summary>A RESP3 boolean.</summary>
    Boolean,

    /// <summary>A RESP3 double (including <c>inf</c>, <c>-inf</c> and <c>nan</c>).</summary>
    Double,

    /// <summary>A RESP3 integer of any size.</summary>
    BigNumber,

    /// <summary>A RESP3 string with a three-letter format (<c>txt</c>, <c>mkd</c>).</summary>
    VerbatimString,

    /// <summary>A RESP3 map of key/value replies.</summary>
    Map,

    /// <summary>A RESP3 unordered collection.</summary>
    Set,

    /// <summary>A RESP3 out-of-band message (pub/sub, client tracking).</summary>
    Push,
}
