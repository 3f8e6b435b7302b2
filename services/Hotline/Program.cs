using Civic.Defaults.Services;
using Civic.Hosting;
using Civic.Hotline;
using Civic.Hotline.Departments;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivicServiceDefaults(CivicServices.Hotline);
builder.Services.AddHotlineStorage();
builder.Services.AddDepartments();

var app = builder.Build();
app.MapCivicServiceDefaults();
return await app.RunCivicServiceAsync(args);
