namespace Civic.Redis.Tests;

public class RedisConnectionSettingsTests
{
    [Fact]
    public void From_ConfigurationString_AppliesEverySetting()
    {
        var settings = RedisConnectionSettings.From(new RedisOptions
        {
            Configuration = "redis.internal:6380,user=app,password=s3cret,ssl=true,sslHost=redis.example,db=3,name=civic-hotline,protocol=3,connectTimeout=1500,commandTimeout=2500",
        });

        Assert.Equal("redis.internal", settings.Host);
        Assert.Equal(6380, settings.Port);
        Assert.Equal("app", settings.User);
        Assert.Equal("s3cret", settings.Password);
        Assert.True(settings.Ssl);
        Assert.Equal("redis.example", settings.SslHost);
        Assert.Equal(3, settings.Database);
        Assert.Equal("civic-hotline", settings.ClientName);
        Assert.Equal(RedisProtocol.Resp3, settings.Protocol);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), settings.CommandTimeout);
        Assert.Equal("redis.internal:6380", settings.Endpoint);
    }

    [Fact]
    public void From_StringOverridesProperties_AndPropertiesFillTheRest()
    {
        var settings = RedisConnectionSettings.From(new RedisOptions { Configuration = "cache", Port = 7000, Database = 2, Password = "p" });
        Assert.Equal("cache", settings.Host);
        Assert.Equal(7000, settings.Port);
        Assert.Equal(2, settings.Database);
        Assert.Equal("p", settings.Password);
    }

    [Fact]
    public void From_BracketedIpv6_ParsesHostAndPort()
    {
        var settings = RedisConnectionSettings.From(new RedisOptions { Configuration = "[::1]:6390" });
        Assert.Equal("::1", settings.Host);
        Assert.Equal(6390, settings.Port);
        Assert.Equal("[::1]:6390", settings.Endpoint);
    }

    [Theory]
    [InlineData("localhost:notaport", "invalid port")]
    [InlineData("localhost:70000", "not between 1 and 65535")]
    [InlineData("localhost,db=-1", "negative")]
    [InlineData("localhost,ssl=maybe", "true or false")]
    [InlineData("localhost,protocol=4", "protocol")]
    [InlineData("localhost,abortConnect=false", "unknown setting 'abortConnect'")]
    [InlineData("a:1,b:2", "more than one endpoint")]
    [InlineData("localhost,name=has space", "client name")]
    [InlineData("localhost,user=app", "without a password")]
    [InlineData("localhost,commandTimeout=0", "CommandTimeout")]
    public void TryFrom_InvalidSetting_ReportsProblem(string configuration, string expected)
    {
        var settings = RedisConnectionSettings.TryFrom(new RedisOptions { Configuration = configuration }, out var errors);
        Assert.Null(settings);
        Assert.Contains(errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TryFrom_InvalidOptions_NeverRepeatsThePassword()
    {
        RedisConnectionSettings.TryFrom(new RedisOptions { Configuration = "localhost:bad,password=hunter2,bogus=1" }, out var errors);
        Assert.NotEmpty(errors);
        Assert.DoesNotContain(errors, error => error.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_MasksPassword()
    {
        var settings = RedisConnectionSettings.From(new RedisOptions { Password = "hunter2" });
        Assert.DoesNotContain("hunter2", settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryFrom_MaxDelayBelowBaseDelay_IsRejected()
    {
        RedisConnectionSettings.TryFrom(
            new RedisOptions { ReconnectBaseDelay = TimeSpan.FromSeconds(2), ReconnectMaxDelay = TimeSpan.FromSeconds(1) },
            out var errors);
        Assert.Contains(errors, error => error.Contains("ReconnectMaxDelay", StringComparison.Ordinal));
    }
}
