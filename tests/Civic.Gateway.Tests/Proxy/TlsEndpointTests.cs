using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civic.Contracts.Hotline.V1;
using Civic.Gateway.Tests.Infrastructure;
using Grpc.Net.Client;

namespace Civic.Gateway.Tests.Proxy;

/// <summary>With a certificate configured, the public port speaks HTTP/1.1 and HTTP/2 over TLS: pages, the JSON API and gRPC.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TlsEndpointTests(CivicCluster cluster) : IDisposable
{
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"civic-gateway-{Guid.NewGuid():N}.pfx");

    [Fact]
    public async Task PublicPort_WithCertificate_GrpcOverTlsAndJsonOverHttp2()
    {
        var thumbprint = WriteSelfSignedCertificate(_certificatePath);
        await using var gateway = cluster.StartGateway(new Dictionary<string, string?> { ["Gateway:CertificatePath"] = _certificatePath });
        var https = new UriBuilder(gateway.Addresses[0]) { Scheme = Uri.UriSchemeHttps }.Uri;

        using var grpcChannel = GrpcChannel.ForAddress(https, new GrpcChannelOptions { HttpHandler = Pinned(thumbprint) });
        var departments = await new DepartmentService.DepartmentServiceClient(grpcChannel).ListDepartmentsAsync(
            new ListDepartmentsRequest(), cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient(Pinned(thumbprint)) { BaseAddress = https, DefaultRequestVersion = HttpVersion.Version20 };
        using var api = await http.GetAsync("/api/v1/hotline/departments", TestContext.Current.CancellationToken);

        Assert.NotEmpty(departments.Departments);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpVersion.Version20, api.Version);
    }

    public void Dispose() => File.Delete(_certificatePath);

    /// <summary>Trusts exactly the test's own self-signed certificate.</summary>
    private static SocketsHttpHandler Pinned(string thumbprint) => new()
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
    };

    private static string WriteSelfSignedCertificate(string path)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return certificate.GetCertHashString();
    }
}
