global using System.Security.Claims;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using TradeNova.Billing.Domain;
global using TradeNova.Billing.Infrastructure;
global using TradeNova.Billing.Model;
