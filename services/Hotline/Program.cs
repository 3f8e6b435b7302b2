using Civic.Hosting;
using Civic.Hotline;
using Civic.Hotline.Departments;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicServiceDefaults(HotlineService.Name, HotlineService.DefaultGrpcPort);
builder.Services.AddHotlineStorage();
builder.Services.AddDepartments();
builder.Services.AddHotlineRpc();

var app = builder.Build();
app.UseCivicServiceDefaults();
return await app.RunCivicServiceAsync(args);
