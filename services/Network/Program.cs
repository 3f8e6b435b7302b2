using Civic.Hosting;
using Civic.Network;
using Civic.Network.ResourcePersons;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicServiceDefaults(NetworkService.Name, NetworkService.DefaultGrpcPort);
builder.Services.AddNetworkStorage();
builder.Services.AddResourcePersons();
builder.Services.AddNetworkRpc();

var app = builder.Build();
app.UseCivicServiceDefaults();
return await app.RunCivicServiceAsync(args);
