using System.Globalization;
using System.Net.Security;

namespace Civic.Redis;

/// <summary>
/// The effective settings: <see cref="RedisOptions"/> with its configuration string applied and
/// every value checked. Error messages never repeat the password.
/// </summary>
internal sealed record RedisConnectionSettings
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    public int Database { get; init; }

    public bool Ssl { get; init; }

    public string? SslHost { get; init; }

    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    public string? ClientName { get; init; }

    public RedisProtocol Protocol { get; init; }

    public TimeSpan ConnectTimeout { get; init; }

    public TimeSpan CommandTimeout { get; init; }

    public bool FailFastWhenDisconnected { get; init; }

    public TimeSpan ReconnectBaseDelay { get; init; }

    public TimeSpan ReconnectMaxDelay { get; init; }

    public int? ReconnectJitterSeed { get; init; }

    public TimeSpan HealthCheckTimeout { get; init; }

    public int SubscriptionBufferSize { get; init; }

    /// <summary>host:port, for logs and errors.</summary>
    public string Endpoint => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>Applies and checks <paramref name="options"/>; throws with every problem listed.</summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static RedisConnectionSettings From(RedisOptions options)
    {
        var settings = TryFrom(options, out var errors);
        return settings ?? throw new ArgumentException($"Invalid Redis options: {string.Join(" ", errors)}", nameof(options));
    }

    /// <summary>Applies and checks <paramref name="options"/>; null with the problems when they are not valid.</summary>
    public static RedisConnectionSettings? TryFrom(RedisOptions options, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var settings = new RedisConnectionSettings
        {
            Host = options.Host,
            Port = options.Port,
            User = options.User,
            Password = options.Password,
            Database = options.Database,
            Ssl = options.Ssl,
            SslHost = options.SslHost,
            CertificateValidation = options.CertificateValidation,
            ClientName = options.ClientName,
            Protocol = options.Protocol,
            ConnectTimeout = options.ConnectTimeout,
            CommandTimeout = options.CommandTimeout,
            FailFastWhenDisconnected = options.FailFastWhenDisconnected,
            ReconnectBaseDelay = options.ReconnectBaseDelay,
            ReconnectMaxDelay = options.ReconnectMaxDelay,
            ReconnectJitterSeed = options.ReconnectJitterSeed,
            HealthCheckTimeout = options.HealthCheckTimeout,
            SubscriptionBufferSize = options.SubscriptionBufferSize,
        };

        if (!string.IsNullOrWhiteSpace(options.Configuration))
        {
            settings = ApplyConfigurationString(settings, options.Configuration, problems);
        }

        Check(settings, problems);
        errors = problems;
        return problems.Count == 0 ? settings : null;
    }

    private static RedisConnectionSettings ApplyConfigurationString(RedisConnectionSettings settings, string configuration, List<string> problems)
    {
        var endpoints = 0;
        foreach (var rawPart in configuration.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = rawPart.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                endpoints++;
                settings = ApplyEndpoint(settings, rawPart, problems);
                continue;
            }

            var key = rawPart[..equals].Trim();
            var value = rawPart[(equals + 1)..].Trim();
            settings = key.ToUpperInvariant() switch
            {
                "USER" => settings with { User = value },
                "PASSWORD" => settings with { Password = value },
                "DB" or "DEFAULTDATABASE" => ParseInt(value, key, problems) is { } database ? settings with { Database = database } : settings,
                "SSL" => ParseBool(value, key, problems) is { } ssl ? settings with { Ssl = ssl } : settings,
                "SSLHOST" => settings with { SslHost = value },
                "NAME" => settings with { ClientName = value },
                "PROTOCOL" => ParseProtocol(value, problems) is { } protocol ? settings with { Protocol = protocol } : settings,
                "CONNECTTIMEOUT" => ParseInt(value, key, problems) is { } connect ? settings with { ConnectTimeout = TimeSpan.FromMilliseconds(connect) } : settings,
                "COMMANDTIMEOUT" or "SYNCTIMEOUT" => ParseInt(value, key, problems) is { } command ? settings with { CommandTimeout = TimeSpan.FromMilliseconds(command) } : settings,
                _ => Unknown(settings, key, problems),
            };
        }

        if (endpoints > 1)
        {
            problems.Add("The Redis configuration string names more than one endpoint; this client connects to exactly one.");
        }

        return settings;
    }

    private static RedisConnectionSettings ApplyEndpoint(RedisConnectionSettings settings, string endpoint, List<string> problems)
    {
        string host;
        string? port = null;
        if (endpoint.StartsWith('['))
        {
            // [IPv6]:port
            var close = endpoint.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problems.Add($"The Redis endpoint '{endpoint}' has an unclosed '['.");
                return settings;
            }

            host = endpoint[1..close];
            if (close + 1 < endpoint.Length)
            {
                port = endpoint[(close + 1)..].TrimStart(':');
            }
        }
        else
        {
            var colon = endpoint.LastIndexOf(':');
            host = colon < 0 ? endpoint : endpoint[..colon];
            port = colon < 0 ? null : endpoint[(colon + 1)..];
        }

        settings = settings with { Host = host };
        if (port is null)
        {
            return settings;
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? settings with { Port = number }
            : Problem(settings, $"The Redis endpoint '{endpoint}' has an invalid port.", problems);
    }

    private static void Check(RedisConnectionSettings settings, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            problems.Add("Redis:Host (or the endpoint in Redis:Configuration) is required.");
        }

        if (settings.Port is < 1 or > 65535)
        {
            problems.Add($"The Redis port {settings.Port} is not between 1 and 65535.");
        }

        if (settings.Database < 0)
        {
            problems.Add($"The Redis database {settings.Database} is negative.");
        }

        if (settings.User is not null && settings.Password is null)
        {
            problems.Add("A Redis user is configured without a password.");
        }

        if (settings.ClientName is { } name && (name.Length == 0 || name.Any(c => c <= ' ' || c > '~')))
        {
            problems.Add("The Redis client name must be printable ASCII without spaces.");
        }

        if (!Enum.IsDefined(settings.Protocol))
        {
            problems.Add("The Redis protocol must be Resp2 or Resp3.");
        }

        Positive(settings.ConnectTimeout, "ConnectTimeout", problems);
        Positive(settings.CommandTimeout, "CommandTimeout", problems);
        Positive(settings.ReconnectBaseDelay, "ReconnectBaseDelay", problems);
        Positive(settings.HealthCheckTimeout, "HealthCheckTimeout", problems);
        if (settings.ReconnectMaxDelay < settings.ReconnectBaseDelay)
        {
            problems.Add("Redis:ReconnectMaxDelay is shorter than Redis:ReconnectBaseDelay.");
        }

        if (settings.SubscriptionBufferSize < 1)
        {
            problems.Add("Redis:SubscriptionBufferSize must be at least 1.");
        }
    }

    private static void Positive(TimeSpan value, string name, List<string> problems)
    {
        // Timers in .NET take at most ~49 days; anything near that is a mistake anyway.
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            problems.Add($"Redis:{name} must be positive and at most one day (is {value}).");
        }
    }

    private static int? ParseInt(string value, string key, List<string> problems)
    {
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        problems.Add($"The Redis setting '{key}' must be a whole number.");
        return null;
    }

    private static bool? ParseBool(string value, string key, List<string> problems)
    {
        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        problems.Add($"The Redis setting '{key}' must be true or false.");
        return null;
    }

    private static RedisProtocol? ParseProtocol(string value, List<string> problems)
    {
        switch (value.ToUpperInvariant())
        {
            case "2":
            case "RESP2":
                return RedisProtocol.Resp2;
            case "3":
            case "RESP3":
                return RedisProtocol.Resp3;
            default:
                problems.Add("The Redis setting 'protocol' must be 2, 3, resp2 or resp3.");
                return null;
        }
    }

    private static RedisConnectionSettings Unknown(RedisConnectionSettings settings, string key, List<string> problems) =>
        Problem(settings, $"The Redis configuration string has an unknown setting '{key}'.", problems);

    private static RedisConnectionSettings Problem(RedisConnectionSettings settings, string problem, List<string> problems)
    {
        problems.Add(problem);
        return settings;
    }

    /// <summary>Keeps the password out of any accidental rendering of the settings.</summary>
    public override string ToString() =>
        $"Redis {Endpoint} db={Database} ssl={Ssl} protocol={Protocol} user={User ?? "(default)"} password={(Password is null ? "(none)" : "***")}";
}
