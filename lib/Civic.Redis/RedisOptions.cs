using System.Net.Security;

namespace Civic.Redis;

/// <summary>
/// How to reach Redis, bound from the <c>Redis</c> configuration section. Either give a
/// <see cref="Configuration"/> string (<c>host:port,password=…,ssl=true,db=1</c>) or the separate
/// properties; what the string sets wins over the properties.
/// </summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Redis";

    /// <summary>
    /// A connection string: <c>host[:port]</c> followed by comma-separated <c>key=value</c> settings:
    /// <c>user</c>, <c>password</c>, <c>db</c>, <c>ssl</c>, <c>sslHost</c>, <c>name</c>, <c>protocol</c> (2|3|resp2|resp3),
    /// <c>connectTimeout</c> and <c>commandTimeout</c> (milliseconds). A password containing a comma
    /// must be given in <see cref="Password"/> instead.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>The server's host name or IP address.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The server's TCP port.</summary>
    public int Port { get; set; } = 6379;

    /// <summary>The ACL user (Redis 6+); null authenticates as the default user.</summary>
    public string? User { get; set; }

    /// <summary>The password; null when the server needs none. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The logical database selected on every connection.</summary>
    public int Database { get; set; }

    /// <summary>Whether to speak TLS.</summary>
    public bool Ssl { get; set; }

    /// <summary>The name expected on the server's certificate, when it differs from <see cref="Host"/>.</summary>
    public string? SslHost { get; set; }

    /// <summary>
    /// Certificate validation for TLS, e.g. to trust a private CA. Null uses the system's rules.
    /// Not bound from configuration.
    /// </summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    /// <summary>The name set with <c>CLIENT SETNAME</c> so that operators can see who is connected (no spaces).</summary>
    public string? ClientName { get; set; }

    /// <summary>RESP2, or RESP3 negotiated with <c>HELLO 3</c> (falling back to RESP2 if the server refuses).</summary>
    public RedisProtocol Protocol { get; set; } = RedisProtocol.Resp2;

    /// <summary>The limit for opening a connection: TCP, TLS and the AUTH/SELECT/HELLO handshake.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The limit for one command, including any wait for a reconnect.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// While disconnected, fail new commands at once instead of letting them wait (up to
    /// <see cref="CommandTimeout"/>) for the reconnect.
    /// </summary>
    public bool FailFastWhenDisconnected { get; set; }

    /// <summary>The first reconnect delay; it doubles per failed attempt (with jitter) up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between reconnect attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Seed for the reconnect jitter; null seeds it from a cryptographic source.</summary>
    public int? ReconnectJitterSeed { get; set; }

    /// <summary>The limit for the health check's PING.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many pub/sub messages a subscription buffers before the oldest are dropped.</summary>
    public int SubscriptionBufferSize { get; set; } = 1024;
}
