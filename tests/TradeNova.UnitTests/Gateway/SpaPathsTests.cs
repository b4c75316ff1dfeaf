using Microsoft.AspNetCore.Http;
using TradeNova.Gateway.Spa;

namespace TradeNova.UnitTests.Gateway;

public sealed class SpaPathsTests
{
    [Theory]
    [InlineData("/api", true)]
    [InlineData("/api/v1/unknown", true)]
    [InlineData("/API/v1/x", true)]
    [InlineData("/hubs/account", true)]
    [InlineData("/", false)]
    [InlineData("/portfolio", false)]
    [InlineData("/apiary", false)]
    public void Api_and_hub_paths_never_fall_back_to_the_spa(string path, bool backend) =>
        SpaPaths.IsBackendPath(new PathString(path)).ShouldBe(backend);

    [Theory]
    [InlineData("/assets/index-3f9a1c.js", SpaPaths.ImmutableCacheControl)]
    [InlineData("/index.html", SpaPaths.NoCache)]
    [InlineData("/favicon.svg", SpaPaths.NoCache)]
    public void Only_hashed_assets_are_cached_long(string path, string cacheControl) =>
        SpaPaths.CacheControlFor(new PathString(path)).ShouldBe(cacheControl);

    [Fact]
    public void Spa_root_defaults_to_wwwroot_under_the_content_root()
    {
        new SpaOptions().ResolveRoot("/srv/gateway").ShouldBe(Path.GetFullPath("/srv/gateway/wwwroot"));
        new SpaOptions { SpaRoot = "/work/web/dist" }.ResolveRoot("/srv/gateway").ShouldBe("/work/web/dist");
    }
}
