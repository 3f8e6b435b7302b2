namespace Civic.Redis;

/// <summary>Redis answered a command with an error reply (e.g. <c>WRONGTYPE</c>, <c>NOSCRIPT</c>, <c>ERR …</c>).</summary>
public sealed class RedisServerException : RedisException
{
    public RedisServerException()
    {
    }

    public RedisServerException(string message)
        : base(message)
    {
        ErrorCode = CodeOf(message);
    }

    public RedisServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorCode = CodeOf(message);
    }

    internal RedisServerException(string serverMessage, string command)
        : base($"Redis answered {command} with an error: {serverMessage}")
    {
        ServerMessage = serverMessage;
        ErrorCode = CodeOf(serverMessage);
        Command = command;
    }

    /// <summary>The error's first word, which Redis uses as its code: <c>ERR</c>, <c>WRONGTYPE</c>, <c>NOSCRIPT</c>…</summary>
    public string ErrorCode { get; } = string.Empty;

    /// <summary>The error text exactly as Redis sent it.</summary>
    public string? ServerMessage { get; }

    /// <summary>The command that failed (its name only; arguments may hold data that must not be logged).</summary>
    public string? Command { get; }

    private static string CodeOf(string message)
    {
        var space = message.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? message : message[..space];
    }
}
