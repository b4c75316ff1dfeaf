using TradeNova.ServiceDefaults.Messaging;

namespace TradeNova.UnitTests.ServiceDefaults;

public class RabbitMqConnectionTests
{
    [Fact]
    public void Amqp_uri_yields_host_port_vhost_and_credentials()
    {
        var connection = RabbitMqConnection.Parse("amqp://tn%40admin:p%3Ass@127.0.0.1:55672/tradenova");

        connection.ShouldBe(new RabbitMqConnection("127.0.0.1", 55672, "tradenova", "tn@admin", "p:ss", UseTls: false));
    }

    [Fact]
    public void Missing_vhost_and_port_fall_back_to_the_defaults()
    {
        var connection = RabbitMqConnection.Parse("amqp://guest:guest@localhost");

        connection.Port.ShouldBe((ushort)5672);
        connection.VirtualHost.ShouldBe("/");
    }

    [Fact]
    public void Escaped_slash_vhost_is_unescaped()
    {
        RabbitMqConnection.Parse("amqps://u:p@broker/%2F").ShouldSatisfyAllConditions(
            c => c.VirtualHost.ShouldBe("/"),
            c => c.UseTls.ShouldBeTrue(),
            c => c.Port.ShouldBe((ushort)5671));
    }

    [Fact]
    public void Password_never_appears_in_the_text_form()
    {
        RabbitMqConnection.Parse("amqp://user:secret@host:5672/v").ToString().ShouldNotContain("secret");
    }

    [Fact]
    public void Non_amqp_scheme_is_rejected()
    {
        Should.Throw<FormatException>(() => RabbitMqConnection.Parse("http://host:5672/v"));
    }
}
