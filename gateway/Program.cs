using Civic.Gateway.Api;
using Civic.Gateway.Hosting;
using Civic.Gateway.Identity;
using Civic.Gateway.Proxy;
using Civic.Gateway.RateLimiting;
using Civic.Gateway.Ui;
using Civic.Hosting.Logging;
using Civic.Hosting.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicLogging();
if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    // Only when traces are exported: spans that go nowhere cost the gRPC path time per call.
    builder.AddCivicTracing("gateway");
}

builder.Services.AddGatewayEndpoints();
builder.AddGatewayIdentity();
builder.Services.AddGrpcProxy(builder.Configuration);
builder.Services.AddJsonApi(builder.Configuration);
builder.Services.AddGatewayHealth();
builder.Services.AddCivicRateLimiting(builder.Configuration);
builder.AddCivicUi();

var app = builder.Build();
app.UseGatewayForwardedHeaders();
app.UseRouting();
// gRPC goes straight to the proxy: the services validate the forwarded token themselves.
app.UseWhen(context => !GrpcRequests.IsGrpc(context.Request), branch =>
{
    branch.UseAuthentication();
    branch.UseAuthorization();
});
app.MapCivicUi();
// After the UI's status code pages (so a page's 429 renders localized) and authentication (for "sub"); before every endpoint.
app.UseCivicRateLimiting();
app.MapJsonApi();
app.MapGatewayHealth();
app.MapGrpcProxy();
app.Run();
