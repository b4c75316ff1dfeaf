global using System.Security.Claims;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using TradeNova.Risk.Infrastructure;
global using TradeNova.Risk.Model;
