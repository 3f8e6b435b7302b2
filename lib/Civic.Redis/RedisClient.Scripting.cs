using Civic.Redis.Protocol;

namespace Civic.Redis;

public sealed partial class RedisClient
{
    /// <summary>
    /// Runs a Lua script atomically with <c>EVALSHA</c>. When the server does not have it (after a
    /// restart or <c>SCRIPT FLUSH</c>: <c>NOSCRIPT</c>), it sends <c>SCRIPT LOAD</c> and the <c>EVALSHA</c>
    /// again back to back, in one round trip; should that still miss, it falls back to <c>EVAL</c>.
    /// </summary>
    /// <param name="script">The script.</param>
    /// <param name="keys">The keys the script touches (<c>KEYS</c> in Lua).</param>
    /// <param name="arguments">Further arguments (<c>ARGV</c>): strings, bytes or numbers.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public async Task<RedisReply> EvaluateAsync(RedisScript script, IReadOnlyList<string>? keys = null, IReadOnlyList<object>? arguments = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendAsync(ScriptCommand("EVALSHA", script.Sha1, keys, arguments), cancellationToken);
        }
        catch (RedisServerException exception) when (exception.ErrorCode == "NOSCRIPT")
        {
            var load = SendAsync(["SCRIPT", "LOAD", script.Source], cancellationToken);
            var retry = SendAsync(ScriptCommand("EVALSHA", script.Sha1, keys, arguments), cancellationToken);
            // A failed load (a script that does not compile) shows up again, where it belongs, in the EVAL below.
            await Task.WhenAll((Task)load, retry).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (retry.Exception?.InnerException is RedisServerException { ErrorCode: "NOSCRIPT" })
            {
                return await SendAsync(ScriptCommand("EVAL", script.Source, keys, arguments), cancellationToken);
            }

            return await retry;
        }
    }

    /// <summary>Loads a script into the server's cache (<c>SCRIPT LOAD</c>), e.g. at start-up.</summary>
    public async Task LoadAsync(RedisScript script, CancellationToken cancellationToken = default)
    {
        var sha = (await SendAsync(["SCRIPT", "LOAD", script.Source], cancellationToken)).AsString();
        if (!string.Equals(sha, script.Sha1, StringComparison.OrdinalIgnoreCase))
        {
            throw new RedisProtocolException($"Redis at {Endpoint} named the script {sha}, not {script.Sha1}.");
        }
    }

    private static RedisArgument[] ScriptCommand(string command, string scriptOrSha, IReadOnlyList<string>? keys, IReadOnlyList<object>? arguments)
    {
        keys ??= [];
        arguments ??= [];
        var encoded = new RedisArgument[3 + keys.Count + arguments.Count];
        encoded[0] = command;
        encoded[1] = scriptOrSha;
        encoded[2] = keys.Count;
        for (var i = 0; i < keys.Count; i++)
        {
            encoded[3 + i] = keys[i];
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            encoded[3 + keys.Count + i] = RedisArgument.From(arguments[i]);
        }

        return encoded;
    }
}
