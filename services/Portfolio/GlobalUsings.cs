global using System.Security.Claims;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using TradeNova.Portfolio.Infrastructure;
global using TradeNova.Portfolio.Model;
