namespace Nokor.Platform.Hosting;

/// <summary>
/// Endpoint metadata raising the request body limit above the host's default for one endpoint
/// (uploads of scanned documents); every other endpoint keeps the small default.
/// </summary>
public sealed record BodySizeLimit(long Bytes);
