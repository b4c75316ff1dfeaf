global using System.Security.Claims;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using TradeNova.Backtest.Infrastructure;
global using TradeNova.Backtest.Model;
