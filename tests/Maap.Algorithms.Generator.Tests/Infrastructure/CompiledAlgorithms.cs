using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;

namespace Maap.Algorithms.Generator.Tests.Infrastructure;

/// <summary>Runs the generator over a source, compiles the result and loads it, so tests can execute generated code.</summary>
internal static class CompiledAlgorithms
{
    public static Assembly Load(params string[] sources)
    {
        var run = GeneratorHarness.Run(LanguageVersion.Latest, sources);
        Assert.Empty(run.Diagnostics);
        using var stream = new MemoryStream();
        var result = run.Output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }

    public static object? Call(this Assembly assembly, string typeName, string method, params object?[] args)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        var target = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException(typeName, method);
        try
        {
            return target.Invoke(null, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
