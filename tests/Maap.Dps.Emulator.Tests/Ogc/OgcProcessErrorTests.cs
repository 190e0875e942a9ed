using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Maap.Dps.Emulator.Tests.Ogc.OgcProcessHarness;

namespace Maap.Dps.Emulator.Tests.Ogc;

/// <summary>Every refusal of the process and deployment routes, with MAAP's status, error family and message.</summary>
public sealed class OgcProcessErrorTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;
    private string _repo = null!;

    public async Task InitializeAsync()
    {
        _emu = await TestEmulator.StartAsync();
        _repo = CreateRepository(_emu.TempDirectory());
    }

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    public static IEnumerable<object[]> BadDeployBodies() =>
    [
        ["", "Body expected in request"],
        ["""{"cwlRawText": "x", "executionUnit": {"href": "https://example.org/a.cwl"}}""", "Cannot pass a request body with a executionUnit and cwlRawText. Must choose one to register."],
        ["{}", "Must pass a request body with a executionUnit or cwlRawText. Other formats not currently supported"],
        ["""{"executionUnit": {}}""", "Request body must contain executionUnit with an href."],
    ];

    [Theory]
    [MemberData(nameof(BadDeployBodies))]
    public async Task A_deploy_body_MAAP_refuses_is_a_400_generate_error(string body, string detail)
    {
        var (status, error, text) = await SendAsync(_emu.Http, HttpMethod.Post, "api/ogc/processes", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($$"""{"type": null, "title": "{{detail}}", "status": 400, "detail": "{{detail}}", "instance": ""}""" + "\n", text);
        Assert.Equal(detail, error["detail"]!.GetValue<string>());
    }

    public static IEnumerable<object?[]> BadDocuments() =>
    [
        ["cwlVersion: v1.0\nclass: Workflow\nid: a\ns:version: v1\n", "A valid Workflow object must be defined in the CWL file."],
        ["cwlVersion: v1.2\nclass: CommandLineTool\nid: a\ns:version: v1\n", "A valid Workflow object must be defined in the CWL file."],
        ["cwlVersion: v1.2\nclass: Workflow\nid: a\n", "Required metadata missing: s:version and a top-level id are required."],
        ["cwlVersion: v1.2\nclass: Workflow\ns:version: v1\n", "Required metadata missing: s:version and a top-level id are required."],
        ["cwlVersion: v1.2\nclass: Workflow\nid: a\ns:version: ''\n", "Required metadata missing: s:version must have a non-empty value."],
        ["cwlVersion: v1.2\nclass: Workflow\nid: a\ns:version: a:b\n", "Process version cannot contain a :"],
        ["cwlVersion: v1.2\nclass: [Workflow\n", null],
        ["cwlVersion: v1.2\nclass: Workflow\nid: a\ns:version: v1\n#" + new string('x', 1_100_000) + "\n", null],
        ["a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e]\n", null],
    ];

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task A_document_MAAP_refuses_is_a_400_with_its_message(string cwl, string? detail)
    {
        var (status, error, _) = await SendAsync(_emu.Http, HttpMethod.Post, "api/ogc/processes", RawCwlBody(cwl));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        if (detail is null)
        {
            Assert.StartsWith("CWL validation failed: ", error["detail"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal(detail, error["detail"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_tool_argument_that_is_an_expression_is_a_400_before_anything_is_deployed()
    {
        var cwl = Cwl(_repo).Replace("  baseCommand: /app/word-count/run.sh\n", "  baseCommand: /app/word-count/run.sh\n  arguments: ['$(inputs.name)']\n", StringComparison.Ordinal);
        Assert.Contains("arguments:", cwl, StringComparison.Ordinal);

        var (status, error, _) = await SendAsync(_emu.Http, HttpMethod.Post, "api/ogc/processes", RawCwlBody(cwl));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            "CWL validation failed: the tool's argument '$(inputs.name)' is an expression or parameter reference, which the MAAP DPS emulator cannot evaluate; give a literal string",
            error["detail"]!.GetValue<string>());
        var (_, list, _) = await SendAsync(_emu.Http, HttpMethod.Get, "api/ogc/processes");
        Assert.Empty(list["processes"]!.AsArray());
    }

    [Fact]
    public async Task An_href_that_answers_404_is_a_400_naming_the_code_as_MAAP_does()
    {
        var href = new Uri(_emu.Emulator.BaseAddress, "no/such/process.cwl").ToString();
        var body = new JsonObject { ["executionUnit"] = new JsonObject { ["href"] = href } }.ToJsonString();

        var (status, error, _) = await SendAsync(_emu.Http, HttpMethod.Post, "api/ogc/processes", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"Unable to access CWL from the provided href. HTTP Unknown: 404 Client Error: Not Found for url: {href}", error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_restx_500()
    {
        var (status, error, _) = await SendAsync(_emu.Http, HttpMethod.Post, "api/ogc/processes", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(["message", "type"], Keys(error));
    }

    [Fact]
    public async Task Duplicate_deploy_is_409_with_the_processID_and_PUT_replaces_under_the_same_id()
    {
        var processId = await DeployAsync(_emu, Cwl(_repo));

        var (status, conflict, text) = await SendAsync(_emu.Http, HttpMethod.Post, "api/ogc/processes", RawCwlBody(Cwl(_repo)));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(
            $$$"""{"type": "http://www.opengis.net/def/exceptions/ogcapi-processes-2/1.0/duplicated-process", "title": "Duplicate process. Use PUT to modify existing process with process ID {{{processId}}}", "status": 409, "detail": "Duplicate process. Use PUT to modify existing process with process ID {{{processId}}}", "instance": "", "additionalProperties": {"processID": {{{processId}}}}}""" + "\n",
            text);

        var (putStatus, replaced, _) = await SendAsync(_emu.Http, HttpMethod.Put, $"api/ogc/processes/{conflict["additionalProperties"]!["processID"]}", RawCwlBody(Cwl(_repo, doc: "Counts more words")));
        Assert.Equal(HttpStatusCode.Accepted, putStatus);
        Assert.Equal(["id", "version", "links", "processPipelineLink"], Keys(replaced));
        Assert.Equal($"/ogc/processes/{processId}", replaced["links"]![1]!["href"]!.GetValue<string>());
        var deploymentId = int.Parse(replaced["links"]![0]!["href"]!.GetValue<string>()["/ogc/deploymentJobs/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var (codes, final) = await WaitForDeploymentAsync(_emu.Http, deploymentId);
        Assert.Equal(HttpStatusCode.Created, codes[^1]);
        Assert.Equal($"/ogc/processes/{processId}", final["processLocation"]!["href"]!.GetValue<string>());

        var (_, describe, _) = await SendAsync(_emu.Anonymous, HttpMethod.Get, $"api/ogc/processes/{processId}");
        Assert.Equal("Counts more words", describe["description"]!.GetValue<string>());
        var (_, list, _) = await SendAsync(_emu.Anonymous, HttpMethod.Get, "api/ogc/processes");
        Assert.Single(list["processes"]!.AsArray());
        var (_, mine, _) = await SendAsync(_emu.Anonymous, HttpMethod.Get, "api/ogc/processes?deployer=alice&algorithmName=word-count");
        Assert.Single(mine["processes"]!.AsArray());
        var (_, others, _) = await SendAsync(_emu.Anonymous, HttpMethod.Get, "api/ogc/processes?deployer=bob");
        Assert.Empty(others["processes"]!.AsArray());
    }

    [Fact]
    public async Task Replace_and_undeploy_are_for_the_owner_and_need_the_same_id_and_version()
    {
        var processId = await DeployAsync(_emu, Cwl(_repo));
        var bob = _emu.Emulator.AddUser("bob");
        using var asBob = _emu.NewClient(bob.Token);

        var (forbidden, error, _) = await SendAsync(asBob, HttpMethod.Put, $"api/ogc/processes/{processId}", RawCwlBody(Cwl(_repo)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal("You can only modify processes that you posted originally", error["detail"]!.GetValue<string>());
        Assert.Equal("http://www.opengis.net/def/exceptions/ogcapi-processes-2/1.0/immutable-process", error["type"]!.GetValue<string>());
        var (forbiddenDelete, _, _) = await SendAsync(asBob, HttpMethod.Delete, $"api/ogc/processes/{processId}");
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenDelete);

        var (renamed, mismatch, _) = await SendAsync(_emu.Http, HttpMethod.Put, $"api/ogc/processes/{processId}", RawCwlBody(Cwl(_repo, version: "v2")));
        Assert.Equal(HttpStatusCode.BadRequest, renamed);
        Assert.Equal("Need to provide same id and version as previous process which is word-count:v1", mismatch["detail"]!.GetValue<string>());

        // What the job routes see of it (IProcessDirectory): the job type both ways, and the process's title and keywords.
        var directory = _emu.Emulator.Services.Jobs.Processes;
        var jobType = $"job-word-count_{_emu.Emulator.Services.Store.MemberId("alice")}:v1";
        Assert.Equal(jobType, directory.JobTypeOf(processId));
        Assert.Equal(new Jobs.OgcProcessSummary(processId, "Word count", "Counts words", "ogc,test"), directory.TryGetProcess(jobType));

        var (deleted, _, deletedText) = await SendAsync(_emu.Http, HttpMethod.Delete, $"api/ogc/processes/{processId}");
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal("{\"detail\": \"Deleted process\"}\n", deletedText);
        var (gone, goneError, _) = await SendAsync(_emu.Anonymous, HttpMethod.Get, $"api/ogc/processes/{processId}");
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal("No process with that process ID found", goneError["detail"]!.GetValue<string>());
        Assert.Null(directory.JobTypeOf(processId));
        Assert.Null(directory.TryGetProcess(jobType));

        // Undeployed, the same id:version may be deployed again: a new processID.
        Assert.NotEqual(processId, await DeployAsync(_emu, Cwl(_repo)));
    }

    [Fact]
    public async Task Execution_checks_the_process_before_the_queue_then_the_queue_then_the_inputs()
    {
        var processId = await DeployAsync(_emu, Cwl(_repo));

        async Task<(HttpStatusCode, string)> ExecuteAsync(string id, string body)
        {
            var (status, error, _) = await SendAsync(_emu.Http, HttpMethod.Post, $"api/ogc/processes/{id}/execution", new StringContent(body, Encoding.UTF8, "application/json"));
            return (status, error["detail"]?.GetValue<string>() ?? string.Empty);
        }

        Assert.Equal((HttpStatusCode.BadRequest, "Body expected in request"), await ExecuteAsync($"{processId}", ""));
        Assert.Equal((HttpStatusCode.NotFound, "No process with that process ID found"), await ExecuteAsync("999", """{"inputs": {}}"""));
        Assert.Equal((HttpStatusCode.NotFound, "No process with that process ID found"), await ExecuteAsync("word-count", """{"inputs": {}}"""));
        Assert.Equal((HttpStatusCode.BadRequest, "Need to specify a queue to run this job on MAAP"), await ExecuteAsync($"{processId}", """{"inputs": {"name": "x"}}"""));
        Assert.Equal((HttpStatusCode.BadRequest, "FailedJobSubmit: Parameter name missing from inputs. No default set in algorithm spec. Please specify and resubmit."),
            await ExecuteAsync($"{processId}", """{"inputs": {"name": null}, "queue": "maap-dps-worker-8gb"}"""));
        Assert.Equal((HttpStatusCode.BadRequest, "FailedJobSubmit: User does not have access to no-such-queue. Valid queues: ['maap-dps-sandbox', 'maap-dps-worker-8gb']"),
            await ExecuteAsync($"{processId}", """{"inputs": {"name": "x"}, "queue": "no-such-queue"}"""));
    }

    [Fact]
    public async Task Unknown_ids_are_404_auth_is_MAAPs_and_every_response_has_the_security_headers()
    {
        var (unknown, error, _) = await SendAsync(_emu.Http, HttpMethod.Get, "api/ogc/deploymentJobs/12345");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("No deployment with that deployment ID found", error["title"]!.GetValue<string>());
        Assert.Null(error["type"]);
        var (nonInteger, _, _) = await SendAsync(_emu.Http, HttpMethod.Get, "api/ogc/deploymentJobs/abc");
        Assert.Equal(HttpStatusCode.NotFound, nonInteger);
        var (package, _, _) = await SendAsync(_emu.Anonymous, HttpMethod.Get, "api/ogc/processes/7/package");
        Assert.Equal(HttpStatusCode.NotFound, package);

        var (noAuth, _, noAuthText) = await SendAsync(_emu.Anonymous, HttpMethod.Post, "api/ogc/processes", RawCwlBody(Cwl(_repo)));
        Assert.Equal(HttpStatusCode.Unauthorized, noAuth);
        Assert.Equal("{\"message\": \"No valid authentication credentials provided or processed.\", \"code\": 401}\n", noAuthText);
        var (noAuthList, _, _) = await SendAsync(_emu.Anonymous, HttpMethod.Get, "api/ogc/deploymentJobs");
        Assert.Equal(HttpStatusCode.Unauthorized, noAuthList);
        var (webhook, _, webhookText) = await SendAsync(_emu.Http, HttpMethod.Post, "api/ogc/deploymentJobs", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, webhook);
        Assert.Equal("{\"message\": \"Not authorized.\", \"code\": 401}\n", webhookText);

        var (emptyStatus, empty, _) = await SendAsync(_emu.Http, HttpMethod.Get, "api/ogc/deploymentJobs");
        Assert.Equal(HttpStatusCode.OK, emptyStatus);
        Assert.Equal("""{"deploymentJobs": [], "total": 0}""", Wire.PythonJson.Dumps(empty));

        using var response = await _emu.Anonymous.GetAsync("api/ogc/processes");
        Assert.Equal("{\"processes\": [], \"links\": []}\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("1; mode=block", response.Headers.GetValues("X-XSS-Protection").Single());
        Assert.StartsWith("default-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
