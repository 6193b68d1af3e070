// The site speaks the shared contracts through the typed Api clients, one per Api area.
global using MyHibachi.ApiClients;
global using MyHibachi.Contracts;
