namespace Nokor.Platform.Tests.Signing;

/// <summary>A fresh key directory under the system temp folder, deleted afterwards.</summary>
internal sealed class TempKeyDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nokor-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
