global using Kiosk.Menu.Apis;
global using Kiosk.Menu.Data;
global using Kiosk.Data;
global using Kiosk.ServiceDefaults.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using System.Text.Json.Serialization;
global using Kiosk.Contracts;
