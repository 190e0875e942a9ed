namespace Maap.Algorithms.Tests.Infrastructure;

/// <summary>Sets environment variables for one test and restores them; tests using it share a non-parallel collection.</summary>
public sealed class EnvironmentScope : IDisposable
{
    private readonly List<(string Name, string? Value)> _saved = [];

    public EnvironmentScope(params (string Name, string? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _saved.Add((name, Environment.GetEnvironmentVariable(name)));
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}
