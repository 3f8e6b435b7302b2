using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civic.Redis.Tests.Infrastructure;

namespace Civic.Redis.Tests.Server;

/// <summary>TLS to a redis-server with a certificate made by the test.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("civic-redis-tls-").FullName;

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Ssl_TrustedCertificate_RunsCommands(RedisProtocol protocol)
    {
        using var certificate = CreateCertificate();
        await using var server = await StartTlsServerAsync(certificate);
        var options = TestRedis.ForEndpoint($"{server.Endpoint},ssl=true,sslHost=localhost", protocol);
        options.CertificateValidation = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        await using var client = new RedisClient(options);
        var ct = TestContext.Current.CancellationToken;

        await client.SetAsync("tls-key", "krypteret", cancellationToken: ct);

        Assert.Equal("krypteret", await client.GetAsync("tls-key", ct));
        Assert.Equal(protocol, client.Protocol);
    }

    [Fact]
    public async Task Ssl_UntrustedCertificate_FailsWithConnectionException()
    {
        using var certificate = CreateCertificate();
        await using var server = await StartTlsServerAsync(certificate);
        var options = TestRedis.ForEndpoint($"{server.Endpoint},ssl=true,sslHost=localhost");
        options.FailFastWhenDisconnected = true;
        await using var client = new RedisClient(options);

        var exception = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync(TestContext.Current.CancellationToken));

        var causes = new List<Exception>();
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            causes.Add(cause);
        }

        Assert.Contains(causes, cause => cause is System.Security.Authentication.AuthenticationException);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<RedisServerProcess> StartTlsServerAsync(X509Certificate2 certificate)
    {
        var certificateFile = Path.Combine(_directory, "redis.crt");
        var keyFile = Path.Combine(_directory, "redis.key");
        await File.WriteAllTextAsync(certificateFile, certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(keyFile, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        return await RedisServerProcess.StartAsync(
            ["--tls-cert-file", certificateFile, "--tls-key-file", keyFile, "--tls-ca-cert-file", certificateFile, "--tls-auth-clients", "no"],
            tls: true);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        return request.CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddDays(1));
    }
}
