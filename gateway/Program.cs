using Civic.Gateway.Api;
using Civic.Gateway.Hosting;
using Civic.Gateway.Identity;
using Civic.Gateway.Jobs;
using Civic.Gateway.Proxy;
using Civic.Gateway.RateLimiting;
using Civic.Gateway.Redis;
using Civic.Gateway.Ui;
using Civic.Defaults.Logging;
using Civic.Defaults.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicLogging();
if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    // Only when traces are exported: spans that go nowhere cost the gRPC path time per call.
    builder.AddCivicTracing("gateway");
}

builder.Services.AddGatewayEndpoints();
// The one multiplexer when "Redis" names one, for the key ring, the rate limits and Idempotency-Key.
builder.Services.AddGatewayRedis(builder.Configuration);
builder.Services.AddGatewayDataProtection(builder.Configuration);
builder.AddGatewayIdentity();
builder.Services.AddGrpcProxy(builder.Configuration);
builder.Services.AddJobsDashboardProxy();
builder.Services.AddJsonApi(builder.Configuration);
builder.Services.AddGatewayHealth();
builder.Services.AddCivicRateLimiting(builder.Configuration);
builder.AddCivicUi();

var app = builder.Build();
app.UseGatewayForwardedHeaders();
app.UseRouting();
// gRPC calls to the services leave here, past everything that only pages and the JSON API need; the
// fast path authenticates a call that carries a token itself (the rate limits count it by its "sub").
app.UseGrpcFastPath();
// For every other request. The services validate a forwarded token again and authorise each call. (In a
// UseWhen branch these would not count as called, and WebApplication would put its own copies in front.)
app.UseAuthentication();
app.UseAuthorization();
app.MapCivicUi();
// After the UI's status code pages (so a page's 429 renders localized) and authentication (for "sub"); before every endpoint.
app.UseCivicRateLimiting();
app.UseJsonApi();
app.MapJsonApi();
app.MapGatewayHealth();
app.MapGrpcProxy();
app.Run();
