namespace Kiosk.ServiceDefaults;
