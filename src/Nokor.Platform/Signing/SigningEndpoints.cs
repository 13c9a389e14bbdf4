using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Nokor.Platform.Signing;

/// <summary>
/// <c>GET /api/keys</c>: the public keys that verify certificate QR codes and other signed
/// tokens. Anonymous on purpose: public keys are not secret, and anyone holding a certificate must
/// be able to check it, offline if they keep a copy of this set.
/// </summary>
public static class SigningEndpoints
{
    public static IEndpointRouteBuilder MapSigningApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/keys", GetPublicKeys)
            .WithTags("Signing")
            .WithName("GetPublicKeys")
            .WithSummary("Lists the platform's public signing keys (ES256, base64 DER SubjectPublicKeyInfo) for offline verification of signed tokens and certificate QR codes.")
            .AllowAnonymous();
        return endpoints;
    }

    public static Ok<PublicKeySet> GetPublicKeys(SigningKeyRing keyRing, HttpContext http)
    {
        // Short caching: verifiers should pick up a rotation within minutes.
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(keyRing.GetPublicKeySet());
    }
}
