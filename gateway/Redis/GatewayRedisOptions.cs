using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace Civic.Gateway.Redis;

/// <summary>
/// How the gateway reaches Redis, bound from the "Redis" section: a <see cref="Host"/> (with port,
/// credentials, TLS, database) or a StackExchange.Redis <see cref="Configuration"/> string. Redis is
/// used only when one of the two is set.
/// </summary>
public sealed class GatewayRedisOptions : IValidatableObject
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>host:port,password=…,ssl=true</c>), instead of the properties below.</summary>
    public string? Configuration { get; set; }

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 6379;

    /// <summary>The ACL user; none authenticates as the default user.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public bool Ssl { get; set; }

    [Range(0, 10_000)]
    public int Database { get; set; }

    /// <summary>The limit for opening a connection. Short: the gateway serves without Redis meanwhile.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The limit for one command on a connected Redis; a request that hits it is served by the fallback.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reconnect attempts after an outage (they start at a tenth of a second and double).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>True when the configuration names a Redis (a Host or a Configuration string).</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return !string.IsNullOrWhiteSpace(section[nameof(Host)]) || !string.IsNullOrWhiteSpace(section[nameof(Configuration)]);
    }

    /// <summary>
    /// The multiplexer's settings. Whatever the configuration string says, it never aborts start-up when Redis
    /// is down and fails commands at once while disconnected instead of queueing them until a timeout: every
    /// caller has an in-process fallback and must reach it without waiting.
    /// </summary>
    public ConfigurationOptions ToConfigurationOptions(ILoggerFactory loggerFactory)
    {
        var options = string.IsNullOrWhiteSpace(Configuration) ? FromProperties() : ConfigurationOptions.Parse(Configuration);
        options.ClientName ??= "civic-gateway";
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Milliseconds(ConnectTimeout);
        options.SyncTimeout = Milliseconds(CommandTimeout);
        options.AsyncTimeout = Milliseconds(CommandTimeout);
        options.ReconnectRetryPolicy = new ExponentialRetry(100, Milliseconds(ReconnectMaxDelay));
        options.LoggerFactory = loggerFactory;
        return options;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasConfiguration = !string.IsNullOrWhiteSpace(Configuration);
        if (hasConfiguration && !string.IsNullOrWhiteSpace(Host))
        {
            yield return new ValidationResult("Set either Redis:Configuration or Redis:Host, not both.", [nameof(Configuration)]);
        }

        if (hasConfiguration && !TryParse(Configuration!, out var error))
        {
            // The parser's message names the offending option, never the password's value.
            yield return new ValidationResult($"Redis:Configuration is not a StackExchange.Redis configuration string: {error}", [nameof(Configuration)]);
        }
    }

    private ConfigurationOptions FromProperties() => new()
    {
        EndPoints = { { Host!, Port } },
        User = User,
        Password = Password,
        Ssl = Ssl,
        DefaultDatabase = Database,
    };

    private static bool TryParse(string configuration, out string? error)
    {
        try
        {
            error = ConfigurationOptions.Parse(configuration).EndPoints.Count == 0 ? "it names no host." : null;
        }
        catch (ArgumentException exception)
        {
            error = exception.Message;
        }

        return error is null;
    }

    private static int Milliseconds(TimeSpan value) => (int)Math.Ceiling(value.TotalMilliseconds);
}
