using MyHibachi.Api.Extensions;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseEdgeSecurity();
app.UseAuthentication();
app.UseMiddleware<RedisRateLimiter>();
app.UseAuthorization();
app.Use(MyHibachi.Api.Features.Loyalty.LoyaltyPerks.LoadAsync);

app.MapDefaultEndpoints();
app.MapHibachiApi();

app.Run();
