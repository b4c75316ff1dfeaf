global using Microsoft.EntityFrameworkCore;
global using TradeNova.Identity.Infrastructure;
global using TradeNova.Identity.Model;
global using System.Security.Claims;
global using Microsoft.AspNetCore.Http.HttpResults;
