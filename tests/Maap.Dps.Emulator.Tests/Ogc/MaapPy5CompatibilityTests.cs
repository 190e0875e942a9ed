using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Tests.Ogc;

/// <summary>
/// maap-py 5.x's OGC calls, as it sends them (<c>maap_py5_calls.py</c>, Python's <c>requests</c>), against the
/// emulator: deploy from a CWL file, deployment status, list, describe, submit, status, result, metrics, list with
/// filters, cancel, undeploy, and a secret read inside the job.
/// </summary>
public sealed class MaapPy5CompatibilityTests
{
    [Fact]
    public async Task The_calls_of_maap_py_5_get_the_answers_its_users_read()
    {
        if (!PythonWithRequests())
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", "python3 with requests is needed (Debian: python3-requests)");
            return;
        }

        await using var emu = await TestEmulator.StartAsync();
        var root = emu.TempDirectory();
        var repo = Directory.CreateDirectory(Path.Combine(root, "py5")).FullName;
        var script = Path.Combine(repo, "run.sh");
        // The job reads the secret named by its --secret argument with its own credentials, as MAAP().secrets does.
        File.WriteAllText(script, """
            #!/usr/bin/env bash
            set -e
            name="$4"
            mkdir -p output
            python3 - "$name" > output/secret.txt <<'PY'
            import hashlib, json, os, sys, urllib.request
            request = urllib.request.Request(os.environ["MAAP_API_HOST"] + "/api/members/self/secrets/" + sys.argv[1], headers={"proxy-ticket": os.environ["MAAP_PGT"]})
            value = json.load(urllib.request.urlopen(request))["secret_value"]
            print(hashlib.sha256(value.encode()).hexdigest())
            PY

            """);
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        var cwl = Path.Combine(root, "process.cwl");
        File.WriteAllText(cwl, $$$"""
            cwlVersion: v1.2
            $namespaces:
              s: https://schema.org/
            $graph:
            - class: Workflow
              id: py5
              label: py5
              inputs:
                who: string
                secret: string
              outputs:
                out: {type: Directory, outputSource: process/outputs_result}
              steps:
                process:
                  run: '#main'
                  in: {who: who, secret: secret}
                  out: [outputs_result]
            - class: CommandLineTool
              id: main
              requirements:
                DockerRequirement: {dockerPull: 'ghcr.io/example/py5:1'}
              baseCommand: /app/py5/run.sh
              inputs:
                who: {type: string, inputBinding: {position: 1, prefix: --who}}
                secret: {type: string, inputBinding: {position: 2, prefix: --secret}}
              outputs:
                outputs_result: {type: Directory, outputBinding: {glob: ./output*}}
            s:version: v1
            s:codeRepository: {{{repo}}}
            """);

        var start = new ProcessStartInfo("python3", [Path.Combine(AppContext.BaseDirectory, "Ogc", "maap_py5_calls.py"), cwl, "maap-dps-worker-8gb", "PY5_SECRET"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MAAP_API_HOST"] = emu.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
        start.Environment["MAAP_PGT"] = emu.Emulator.Token;
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var error = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(python.ExitCode == 0, await error);
        var summary = JsonNode.Parse(await output)!;
        Assert.Equal("successful", summary["status"]!.GetValue<string>());
        Assert.True(summary["secret_in_job"]!.GetValue<bool>());
    }

    private static bool PythonWithRequests()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("python3", ["-c", "import requests"]) { RedirectStandardError = true })!;
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
