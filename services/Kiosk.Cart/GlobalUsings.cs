// Kiosk.Cart.Domain is imported inside each file's namespace instead: from here the namespace Kiosk.Cart would hide the type Cart.
global using Kiosk.Cart.Apis;
global using Kiosk.Cart.Data;
global using Kiosk.Cart.Expiry;
global using Kiosk.Cart.Menu;
global using Kiosk.Contracts;
global using Kiosk.Contracts.Events;
global using Kiosk.Data;
global using Kiosk.ServiceDefaults.Http;
global using Kiosk.Messaging;
global using Kiosk.Messaging.EntityFrameworkCore;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
