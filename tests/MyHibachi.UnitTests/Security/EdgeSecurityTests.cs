using System.Net;
using Microsoft.AspNetCore.Http;
using MyHibachi.ServiceDefaults.Security;

namespace MyHibachi.UnitTests.Security;

public sealed class EdgeSecurityTests
{
    private static readonly IReadOnlyList<IPNetwork> Cloudflared = [IPNetwork.Parse("10.0.0.0/8")];

    private static DefaultHttpContext Request(string remote, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }

    [Fact]
    public void Cloudflare_s_client_address_is_believed_from_a_trusted_proxy()
    {
        var context = Request("10.1.2.3", ("CF-Connecting-IP", "203.0.113.9"), ("X-Forwarded-Proto", "https"));

        EdgeSecurityExtensions.ApplyForwardedHeaders(context, Cloudflared);

        Assert.Equal(IPAddress.Parse("203.0.113.9"), context.Connection.RemoteIpAddress);
        Assert.Equal("https", context.Request.Scheme);
    }

    [Fact]
    public void Anyone_else_cannot_pick_their_own_address()
    {
        var context = Request("198.51.100.7", ("CF-Connecting-IP", "203.0.113.9"), ("X-Forwarded-For", "1.2.3.4"), ("X-Forwarded-Proto", "https"));

        EdgeSecurityExtensions.ApplyForwardedHeaders(context, Cloudflared);

        Assert.Equal(IPAddress.Parse("198.51.100.7"), context.Connection.RemoteIpAddress);
        Assert.NotEqual("https", context.Request.Scheme);
    }

    [Fact]
    public void The_right_most_untrusted_hop_of_x_forwarded_for_is_the_client()
    {
        // The client forged the first entry; our proxy chain appended the real one.
        var context = Request("10.0.0.5", ("X-Forwarded-For", "6.6.6.6, 203.0.113.50, 10.0.0.9"));

        EdgeSecurityExtensions.ApplyForwardedHeaders(context, Cloudflared);

        Assert.Equal(IPAddress.Parse("203.0.113.50"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public void Without_trusted_proxies_nothing_is_believed()
    {
        var context = Request("127.0.0.1", ("CF-Connecting-IP", "203.0.113.9"));

        EdgeSecurityExtensions.ApplyForwardedHeaders(context, []);

        Assert.Equal(IPAddress.Loopback, context.Connection.RemoteIpAddress);
    }
}
