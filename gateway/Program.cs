using Civic.Gateway.FrontPage;
using Civic.Hosting.Logging;
using Civic.Hosting.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicLogging();
builder.AddCivicTracing("gateway");
builder.Services.AddGatewayEndpoint();

var app = builder.Build();
app.MapFrontPage();
app.Run();
