using Civic.Redis.Protocol;

namespace Civic.Redis.Connection;

/// <summary>
/// A command on its way to Redis and the promise of its reply. A caller that gives up (timeout,
/// cancellation) completes it early; it still takes its reply off the FIFO when that arrives, so
/// no later command is handed a reply that was not meant for it.
/// </summary>
internal sealed class PendingCommand(RedisArgument[] arguments, bool expectsReply = true)
    : TaskCompletionSource<RedisReply>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    /// <summary>The command name followed by its arguments.</summary>
    public RedisArgument[] Arguments { get; } = arguments;

    /// <summary>
    /// False for pub/sub commands on the subscriber connection, whose confirmations arrive as
    /// messages rather than as replies in order.
    /// </summary>
    public bool ExpectsReply { get; } = expectsReply;

    /// <summary>The command's name (never its arguments, which may hold data).</summary>
    public string Name => Arguments[0].ToString().ToUpperInvariant();
}
