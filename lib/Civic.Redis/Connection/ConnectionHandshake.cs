using Civic.Redis.Protocol;
using Microsoft.Extensions.Logging;

namespace Civic.Redis.Connection;

/// <summary>
/// Prepares a fresh connection: <c>HELLO 3</c> (with AUTH and SETNAME) when RESP3 is asked for, else
/// or on refusal <c>AUTH</c> and <c>CLIENT SETNAME</c>; then <c>SELECT</c> and a <c>PING</c> that proves the
/// connection can run commands. Runs on every connect, so a reconnect restores the same state.
/// </summary>
internal static class ConnectionHandshake
{
    public static async Task RunAsync(RedisConnection connection, RedisConnectionSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var needsResp2Setup = true;
        if (settings.Protocol == RedisProtocol.Resp3)
        {
            var hello = await connection.ExecuteAsync(HelloArguments(settings), cancellationToken);
            if (!hello.IsError)
            {
                connection.Protocol = RedisProtocol.Resp3;
                needsResp2Setup = false;
            }
            else if (IsProtocolRefusal(hello.ErrorMessage!))
            {
                RedisLog.Resp3Refused(logger, settings.Endpoint, hello.ErrorMessage!);
            }
            else
            {
                throw Failure(settings, "HELLO", hello.ErrorMessage!, credentialsSent: settings.Password is not null);
            }
        }

        if (needsResp2Setup)
        {
            await Resp2SetupAsync(connection, settings, logger, cancellationToken);
        }

        // SELECT and PING go out together; the PING catches a server that wants a password we lack.
        var select = settings.Database != 0 ? connection.ExecuteAsync(["SELECT", settings.Database], cancellationToken) : null;
        var ping = connection.ExecuteAsync(["PING"], cancellationToken);
        if (select is not null && await select is { IsError: true } selectReply)
        {
            await ObserveAsync(ping);
            throw Failure(settings, "SELECT", selectReply.ErrorMessage!, credentialsSent: false);
        }

        if (await ping is { IsError: true } pingReply)
        {
            throw Failure(settings, "PING", pingReply.ErrorMessage!, credentialsSent: false);
        }
    }

    private static async Task Resp2SetupAsync(RedisConnection connection, RedisConnectionSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        if (settings.Password is not null)
        {
            RedisArgument[] auth = settings.User is null ? ["AUTH", settings.Password] : ["AUTH", settings.User, settings.Password];
            if (await connection.ExecuteAsync(auth, cancellationToken) is { IsError: true } authReply)
            {
                throw Failure(settings, "AUTH", authReply.ErrorMessage!, credentialsSent: true);
            }
        }

        if (settings.ClientName is not null
            && await connection.ExecuteAsync(["CLIENT", "SETNAME", settings.ClientName], cancellationToken) is { IsError: true } nameReply)
        {
            // Some hosted Redis services forbid CLIENT; the name is a courtesy to operators, not a requirement.
            RedisLog.ClientNameRefused(logger, settings.Endpoint, nameReply.ErrorMessage!);
        }
    }

    private static RedisArgument[] HelloArguments(RedisConnectionSettings settings)
    {
        var arguments = new List<RedisArgument> { "HELLO", 3 };
        if (settings.Password is not null)
        {
            arguments.AddRange(["AUTH", settings.User ?? "default", settings.Password]);
        }

        if (settings.ClientName is not null)
        {
            arguments.AddRange(["SETNAME", settings.ClientName]);
        }

        return [.. arguments];
    }

    /// <summary>Redis before 6 does not know HELLO; a server may also refuse protocol 3 (NOPROTO).</summary>
    private static bool IsProtocolRefusal(string error) =>
        error.StartsWith("NOPROTO", StringComparison.Ordinal)
        || error.StartsWith("ERR unknown command", StringComparison.OrdinalIgnoreCase);

    private static RedisConnectionException Failure(RedisConnectionSettings settings, string command, string error, bool credentialsSent)
    {
        var isAuthentication = credentialsSent
            || error.StartsWith("NOAUTH", StringComparison.Ordinal)
            || error.StartsWith("WRONGPASS", StringComparison.Ordinal);
        if (isAuthentication)
        {
            var who = settings.User is null ? "the default user" : $"user '{settings.User}'";
            return new RedisAuthenticationException(
                $"Redis at {settings.Endpoint} refused authentication for {who} ({command}: {error}). Check Redis:User and Redis:Password.");
        }

        return new RedisConnectionException($"Redis at {settings.Endpoint} refused {command} while connecting: {error}");
    }

    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (RedisException)
        {
            // The handshake is failing for the reason already being reported.
        }
    }
}
