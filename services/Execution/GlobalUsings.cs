global using System.Security.Claims;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using TradeNova.Execution.Infrastructure;
global using TradeNova.Execution.Model;
