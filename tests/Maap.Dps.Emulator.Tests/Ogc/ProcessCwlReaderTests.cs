using Maap.Dps.Emulator.Processes;
using Maap.Dps.Emulator.Wire;

namespace Maap.Dps.Emulator.Tests.Ogc;

/// <summary>What the emulator extracts from a deployed CWL, as MAAP extracts it (maap-ogc-spec §6.2).</summary>
public sealed class ProcessCwlReaderTests
{
    private const string ListForms = """
        cwlVersion: v1.2
        $graph:
        - class: Workflow
          id: '#sardem-sarsen'
          label: sardem-sarsen
          doc: Processes SAR data
          inputs:
          - id: bbox
            type: string
            label: bounding box
            doc: Bounding box
            default: -118.06817 34.22169
          - id: scale
            type: ['null', double]
            default: 0.5
          - id: bands
            type: int[]
            default: [1, 2]
          - id: mask
            type: File
          - id: fast
            type: boolean
            default: true
          steps:
          - id: process
            run: '#main'
            in: {}
            out: []
          outputs: []
        - class: CommandLineTool
          id: main
          requirements:
          - class: NetworkAccess
            networkAccess: true
          - class: ResourceRequirement
            ramMin: 5
            coresMin: 1
            outdirMax: 20
          hints:
          - class: DockerRequirement
            dockerPull: ghcr.io/maap/sardem:1
          baseCommand: [python, /app/sardem/run.py]
          inputs: []
          outputs: []
        s:author:
        - class: s:Person
          s:name: arthurduf Duf
        s:codeRepository: https://github.com/MAAP-Project/sardem-sarsen.git
        s:commitHash: null
        s:version: 'mlucas_nasa_ogc'
        s:keywords: ogc, sar
        """;

    [Fact]
    public void Metadata_comes_from_MAAPs_regexes_and_the_tool_from_either_requirement_form()
    {
        var cwl = ProcessCwlReader.Read(ListForms);

        Assert.Equal("sardem-sarsen", cwl.Id);
        Assert.Equal("mlucas_nasa_ogc", cwl.Version);
        Assert.Equal("sardem-sarsen", cwl.Title);
        Assert.Equal("Processes SAR data", cwl.Description);
        Assert.Equal("ogc,sar", cwl.Keywords);
        Assert.Equal("arthurduf", cwl.Author);
        Assert.Equal("https://github.com/MAAP-Project/sardem-sarsen.git", cwl.GithubUrl);
        Assert.Equal("null", cwl.GitCommitHash); // MAAP's regex reads the YAML null as text
        Assert.Null(cwl.CommitHash);
        Assert.Equal((5L, 1L, 20L), (cwl.RamMin!.Value, cwl.CoresMin!.Value, cwl.OutdirMax!.Value));
        Assert.Equal("ghcr.io/maap/sardem:1", cwl.DockerPull);
        Assert.Equal("python /app/sardem/run.py", cwl.BaseCommandText);
    }

    [Fact]
    public void Workflow_inputs_become_hysds_io_params_with_native_defaults()
    {
        var cwl = ProcessCwlReader.Read(ListForms);

        Assert.Equal(
            """[{"name": "bbox", "from": "submitter", "placeholder": "bounding box", "description": "Bounding box", "default": "-118.06817 34.22169", "type": "text"}, """
            + """{"name": "scale", "from": "submitter", "placeholder": null, "description": null, "optional": true, "default": 0.5, "type": "number"}, """
            + """{"name": "bands", "from": "submitter", "placeholder": null, "description": null, "default": "[1, 2]", "type": "object"}, """
            + """{"name": "mask", "from": "submitter", "placeholder": null, "description": null, "type": "text"}, """
            + """{"name": "fast", "from": "submitter", "placeholder": null, "description": null, "default": true, "type": "boolean"}]""",
            PythonJson.Dumps(cwl.HysdsIoParams));
    }

    [Fact]
    public void Dates_stay_strings_and_quoted_scalars_stay_text()
    {
        var root = YamlToJson.Parse("a: 2026-03-02\nb: '5'\nc: 5\nd: 1.5e+3\ne: yes\nf: ~\n")!;

        Assert.Equal("""{"a": "2026-03-02", "b": "5", "c": 5, "d": 1500.0, "e": true, "f": null}""", PythonJson.Dumps(root));
    }
}
