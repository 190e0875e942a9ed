using System.Diagnostics;
using System.IO.Compression;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>
/// Packs Maap.Algorithms and checks that the generator ships inside it, then builds and runs a project that
/// consumes the packed package, the way a user would. Slow (nested dotnet processes), so one fixture packs once.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageTests.PackedPackage>
{
    private readonly PackedPackage _package;

    public PackageTests(PackedPackage package)
    {
        _package = package;
    }

    [Fact]
    public void The_package_carries_the_generator_under_analyzers_roslyn4_8_and_the_runtime_under_lib()
    {
        using var zip = ZipFile.OpenRead(_package.Path);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/Maap.Algorithms.Generator.dll", entries);
        Assert.Contains("lib/net8.0/Maap.Algorithms.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("Generator.dll", StringComparison.Ordinal));
        var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.DoesNotContain("Maap.Algorithms.Generator", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_consuming_the_package_gets_the_generated_members_and_diagnostics()
    {
        var project = Path.Combine(_package.Work, "consumer");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <RestorePackagesPath>{Path.Combine(_package.Work, "packages")}</RestorePackagesPath>
                <RestoreAdditionalProjectSources>{_package.Feed}</RestoreAdditionalProjectSources>
                <RestoreAdditionalProjectFallbackFolders>{PackedPackage.GlobalPackages()}</RestoreAdditionalProjectFallbackFolders>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Maap.Algorithms" Version="{_package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using System;
            using Maap.Algorithms;

            Console.WriteLine(RunDpsTest.JobType);
            Console.WriteLine(new RunDpsTest(new Uri("https://example.org/README.md")).ToJobRequest(tag: "t").Inputs[0]);
            Console.WriteLine(MaapAlgorithm.JobType<RunDpsTest>());

            [MaapAlgorithm("run-dps-test_ubuntu", "delay10", Queue = "maap-dps-worker-8gb")]
            public partial record RunDpsTest([FileInput] Uri InputFile);
            """);
        // An isolated folder: the repository's Directory.Build.props and central packages must not apply.
        File.WriteAllText(Path.Combine(_package.Work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_package.Work, "Directory.Packages.props"), "<Project />");

        var run = PackedPackage.Dotnet(project, "run", "-c", "Release");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("job-run-dps-test_ubuntu:delay10", run.Output, StringComparison.Ordinal);
        Assert.Contains("JobInput { Name = input_file, Kind = Text, Value = https://example.org/README.md }", run.Output, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(project, "Program.cs"), """

            [MaapAlgorithm("run-dps-test_ubuntu", "delay10")]
            public partial record Duplicate(string Queue);
            """);
        var broken = PackedPackage.Dotnet(project, "build", "-c", "Release");

        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("MAAP0007", broken.Output, StringComparison.Ordinal);
        Assert.Contains("MAAP0010", broken.Output, StringComparison.Ordinal);
    }

    /// <summary>Packs src/Maap.Algorithms once, with a unique version so no package cache can serve a stale copy.</summary>
    public sealed class PackedPackage : IDisposable
    {
        public PackedPackage()
        {
            Work = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "maap-pack-" + Guid.NewGuid().ToString("N")[..8]);
            Feed = System.IO.Path.Combine(Work, "feed");
            Version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..8];
            Directory.CreateDirectory(Feed);
            var csproj = System.IO.Path.Combine(DiagnosticTests.RepoRoot(), "src", "Maap.Algorithms", "Maap.Algorithms.csproj");
            var pack = Dotnet(Work, "pack", csproj, "-c", Configuration, "--no-build", "-o", Feed, "-p:PackageVersion=" + Version);
            Assert.True(pack.ExitCode == 0, pack.Output);
            Path = System.IO.Path.Combine(Feed, "Maap.Algorithms." + Version + ".nupkg");
        }

        public string Work { get; }

        public string Feed { get; }

        public string Version { get; }

        public string Path { get; }

#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif

        public static string GlobalPackages() =>
            Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        public static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Work, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is cleaned by the OS.
            }
        }
    }
}
