using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Nokor.Platform.Hosting;

/// <summary>
/// The one place that says which client a request counts against, for every rate limit and sign-in
/// throttle: an IPv4 address, or the /64 prefix of an IPv6 address (one subscriber usually holds a
/// whole /64, so counting single IPv6 addresses would give each client 2^64 budgets). The address
/// is <see cref="ConnectionInfo.RemoteIpAddress"/> after the forwarded-headers middleware, which
/// replaces it with the X-Forwarded-For client only when the connection comes from a configured
/// proxy (Hosting:ForwardedHeaders:KnownProxies / KnownNetworks); anything else sent in that header
/// is ignored.
/// </summary>
public static class ClientPartition
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
