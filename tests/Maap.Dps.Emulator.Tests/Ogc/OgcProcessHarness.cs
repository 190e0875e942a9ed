using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Tests.Ogc;

/// <summary>Deploys CWL processes to a <see cref="TestEmulator"/> over HTTP and waits for their deployments.</summary>
internal static class OgcProcessHarness
{
    /// <summary>
    /// A local repository <c>{dir}/word-count</c> whose <c>run.sh</c> records its arguments and its
    /// <c>_context.json</c> into <paramref name="recordDir"/>, and writes <c>output/done.txt</c>.
    /// </summary>
    public static string CreateRepository(string recordDir)
    {
        var repo = Path.Combine(Directory.CreateTempSubdirectory("maap-ogc-repo-").FullName, "word-count");
        Directory.CreateDirectory(repo);
        var script = Path.Combine(repo, "run.sh");
        File.WriteAllText(script, $"""
            #!/usr/bin/env bash
            printf '%s\n' "$@" > '{recordDir}/argv.txt'
            cp _context.json '{recordDir}/context.json'
            mkdir -p output && echo done > output/done.txt

            """);
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        return repo;
    }

    /// <summary>A MAAP-shaped process CWL ($graph of a Workflow and tool <c>main</c>) whose code is <paramref name="repository"/>.</summary>
    public static string Cwl(string repository, string id = "word-count", string version = "v1", string doc = "Counts words") => $$$"""
        cwlVersion: v1.2
        $namespaces:
          s: https://schema.org/
        $graph:
        - class: Workflow
          id: {{{id}}}
          label: Word count
          doc: {{{doc}}}
          inputs:
            name: {type: string, label: the name, doc: Who to greet}
            count: {type: int, default: 2, label: how many, doc: Repetitions}
            verbose: {type: boolean?, label: loud, doc: Say more}
            bands: {type: 'int[]?', label: bands, doc: Band numbers}
            note: {type: string?, label: note, doc: Read from the context}
          outputs:
            out: {type: Directory, outputSource: process/outputs_result}
          steps:
            process:
              run: '#main'
              in: {name: name, count: count, verbose: verbose, bands: bands, note: note}
              out: [outputs_result]
        - class: CommandLineTool
          id: main
          requirements:
            DockerRequirement: {dockerPull: 'ghcr.io/example/word-count:1'}
            ResourceRequirement: {ramMin: 512, coresMin: 1, outdirMax: 2}
          baseCommand: /app/word-count/run.sh
          inputs:
            name: {type: string, inputBinding: {position: 1, prefix: --name}}
            count: {type: int, default: 2, inputBinding: {position: 2, prefix: --count}}
            verbose: {type: boolean?, inputBinding: {position: 3, prefix: --verbose}}
            bands:
              type:
              - 'null'
              - {type: array, items: int, inputBinding: {prefix: --bands}}
              inputBinding: {position: 4}
            note: string?
          outputs:
            outputs_result: {type: Directory, outputBinding: {glob: ./output*}}
        s:author:
        - class: s:Person
          s:name: Jane Doe
        s:codeRepository: {{{repository}}}
        s:version: {{{version}}}
        s:keywords: ogc, test
        """;

    public static StringContent RawCwlBody(string cwl) =>
        new(new JsonObject { ["cwlRawText"] = cwl }.ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<(HttpStatusCode Status, JsonObject Body, string Text)> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text) as JsonObject ?? [], text);
    }

    public static string[] Keys(JsonNode? node) => [.. node!.AsObject().Select(p => p.Key)];

    /// <summary>Polls the deployment until it is final; the statuses of every read, in order, and the last body.</summary>
    public static async Task<(List<HttpStatusCode> Codes, JsonObject Body)> WaitForDeploymentAsync(HttpClient client, int deploymentJobId)
    {
        var codes = new List<HttpStatusCode>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (status, body, text) = await SendAsync(client, HttpMethod.Get, $"api/ogc/deploymentJobs/{deploymentJobId}");
            codes.Add(status);
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, text);
            if (body["status"]!.GetValue<string>() is "successful" or "failed")
            {
                return (codes, body);
            }

            Assert.True(DateTime.UtcNow < deadline, $"deployment {deploymentJobId} still {body["status"]}");
            await Task.Delay(50);
        }
    }

    /// <summary>Deploys and waits for success; the processID.</summary>
    public static async Task<int> DeployAsync(TestEmulator emulator, string cwl, HttpClient? client = null)
    {
        client ??= emulator.Http;
        var (status, body, text) = await SendAsync(client, HttpMethod.Post, "api/ogc/processes", RawCwlBody(cwl));
        Assert.True(status == HttpStatusCode.Accepted, text);
        var (_, final) = await WaitForDeploymentAsync(client, body["deploymentJobID"]!.GetValue<int>());
        Assert.True(final["status"]!.GetValue<string>() == "successful", final.ToJsonString());
        var href = final["processLocation"]!["href"]!.GetValue<string>();
        return int.Parse(href["/ogc/processes/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
