using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Running;

/// <summary>A hold on an app directory: a running job's on the code it runs, or a registration's on the copy it fills.</summary>
internal sealed class AppLease(AppCopies copies, AlgorithmRecord? algorithm, string? key) : IDisposable
{
    private int _released;

    /// <summary>The algorithm whose app directory is held; null when it was not registered (then nothing is held).</summary>
    public AlgorithmRecord? Algorithm { get; } = algorithm;

    public void Dispose()
    {
        if (key is not null && Interlocked.Exchange(ref _released, 1) == 0)
        {
            copies.Release(key);
        }
    }
}
