using Nokor.CivilRegistration;
using Nokor.Platform.Hosting;
using Nokor.Population;
using Nokor.Legislation;
using Nokor.Verification;
using Nokor.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddNokorPlatform(builder.Configuration);
builder.Services.AddPopulation(builder.Configuration);
builder.Services.AddCivilRegistration(builder.Configuration);
builder.Services.AddVerification(builder.Configuration);
builder.Services.AddVerificationWorkers(builder.Configuration);
builder.Services.AddLegislation(builder.Configuration);
builder.Services.AddLegislationWorkers(builder.Configuration);
builder.Services.AddNokorWeb(builder.Configuration);

var app = builder.Build();

await app.InitializeNokorAsync();

app.UseNokorWeb();
app.MapNokorPlatform();
app.MapPopulation();
app.MapCivilRegistration();
app.MapVerification();
app.MapLegislation();
app.MapNokorUi();

app.Run();

/// <summary>The web host's entry point, public so that tests can start it.</summary>
public partial class Program;
