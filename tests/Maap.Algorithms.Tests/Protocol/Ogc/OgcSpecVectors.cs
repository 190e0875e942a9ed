namespace Maap.Algorithms.Tests.Protocol.Ogc;

/// <summary>The exact sample bodies of maap-ogc-spec.md §3, byte for byte (json.dumps style plus the trailing newline).</summary>
public static class OgcSpecVectors
{
    public const string JobId = "f3780917-92c0-4440-8a84-9b28c2e64fa8";

    public const string ProcessList = """
        {"processes": [{"title": "sardem-sarsen", "description": "This application is designed to process Synthetic Aperture Radar (SAR) data from Sentinel-1 GRD (Ground Range Detected) products using a Digital Elevation Model (DEM) obtained from Copernicus.", "keywords": ["ogc", "sar"], "metadata": [], "processID": 12, "id": "sardem-sarsen", "version": "mlucas_nasa_ogc", "jobControlOptions": [], "author": "arthurduf", "deployedBy": "mlucas", "lastModifiedTime": "2026-03-02T18:22:11.482913", "cwlLink": "https://example.org/process.cwl", "links": [{"href": "/ogc/processes/12", "rel": "self", "type": "application/json", "hreflang": "en", "title": "OGC Process Description"}]}], "links": [{"href": "/ogc/processes/12", "rel": "self", "type": "application/json", "hreflang": "en", "title": "OGC Process Description"}]}

        """;

    public const string EmptyProcessList = "{\"processes\": [], \"links\": []}\n";

    public const string DeployAccepted = """
        {"title": "sardem-sarsen", "description": "This application is designed ...", "keywords": ["ogc", "sar"], "metadata": [], "id": "sardem-sarsen", "version": "mlucas_nasa_ogc", "jobControlOptions": [], "deploymentJobID": 57, "status": "accepted", "created": "2026-03-02 18:20:01.118230", "links": [{"href": "/ogc/deploymentJobs/57", "rel": "monitor", "type": "application/json", "hreflang": "en", "title": "Deploying process status link"}], "processPipelineLink": {"href": "https://repo.maap-project.org/root/deploy-ogc-hysds/-/pipelines/1234", "rel": "monitor", "type": "text/html", "hreflang": "en", "title": "Link to process pipeline"}}

        """;

    public const string DuplicateProcess = """
        {"type": "http://www.opengis.net/def/exceptions/ogcapi-processes-2/1.0/duplicated-process", "title": "Duplicate process. Use PUT to modify existing process with process ID 12", "status": 409, "detail": "Duplicate process. Use PUT to modify existing process with process ID 12", "instance": "", "additionalProperties": {"processID": 12}}

        """;

    public const string Describe = """
        {"title": "sardem-sarsen", "description": "This application is designed ...", "keywords": ["ogc", "sar"], "metadata": [], "id": "sardem-sarsen", "processID": "12", "version": "mlucas_nasa_ogc", "jobControlOptions": [], "author": "arthurduf", "deployedBy": "mlucas", "githubUrl": "https://github.com/MAAP-Project/sardem-sarsen.git", "gitCommitHash": null, "cwlLink": "https://example.org/process.cwl", "ramMin": 5, "coresMin": 1, "baseCommand": "/app/sardem-sarsen/sardem-sarsen.sh", "links": [{"href": "/ogc/processes/12", "rel": "self", "type": "application/json", "hreflang": "en", "title": "OGC Process Description"}, {"href": "/ogc/processes/12/package", "rel": "service-desc", "type": "application/json", "hreflang": "en", "title": "OGC Process Package Description"}], "inputs": {"bbox": {"name": "bbox", "from": "submitter", "placeholder": "bounding box", "description": "Bounding box as 'LEFT BOTTOM RIGHT TOP'", "default": "-118.06817 34.22169 -118.05801 34.22822", "type": "text"}, "stac_catalog_folder": {"name": "stac_catalog_folder", "from": "submitter", "placeholder": "catalog folder", "description": "STAC catalog folder", "type": "text"}, "stac_asset_name": {"name": "stac_asset_name", "from": "submitter", "placeholder": "asset name", "description": "STAC asset name", "optional": true, "default": "edu/GRD_HD/SA/S1A_IW_GRDH_1SDV_20250330T171421_20250330T171446_058537_073E4F_985B", "type": "text"}}}

        """;

    public const string ReplaceAccepted = """
        {"id": "sardem-sarsen", "version": "mlucas_nasa_ogc", "links": [{"href": "/ogc/deploymentJobs/58", "rel": "monitor", "type": "application/json", "hreflang": "en", "title": "Deploying process status link"}, {"href": "/ogc/processes/12", "rel": "self", "type": "application/json", "hreflang": "en", "title": "Process"}], "processPipelineLink": {"href": "<gitlab web_url>", "rel": "monitor", "type": "text/html", "hreflang": "en", "title": "Link to process pipeline"}}

        """;

    public const string Package = """
        {"processDescription": "This application is designed ...", "executionUnit": {"href": "https://example.org/process.cwl", "rel": "monitor-desc", "type": "text/html", "hreflang": "en", "title": "Process Reference"}}

        """;

    public const string ExecutionAccepted = """
        {"title": "sardem-sarsen", "description": "This application is designed ...", "keywords": ["ogc", "sar"], "metadata": [], "jobID": "f3780917-92c0-4440-8a84-9b28c2e64fa8", "processID": 12, "type": null, "request": null, "status": "accepted", "message": null, "created": "2026-03-02T18:30:00.123456", "updated": null, "links": [{"href": "/ogc/processes/12/execution", "rel": "self", "type": "application/json", "hreflang": "en", "title": "Process Execution"}, {"href": "/ogc/jobs/f3780917-92c0-4440-8a84-9b28c2e64fa8", "rel": "monitor", "type": "application/json", "hreflang": "en", "title": "Job"}]}

        """;

    public const string CompactJobList = """
        {"status": 200, "jobs": [{"jobID": "job-12345", "type": "process", "status": "successful", "job_type": "job-test-process"}], "links": [{"href": "/ogc/job/job-12345", "rel": "self", "type": "application/json", "hreflang": "en", "title": "Job"}]}

        """;

    public const string NoSuchJob = """
        {"type": "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job", "title": "No job with that job ID found", "status": 404, "detail": "No job with that job ID found", "instance": ""}

        """;

    public const string Status = """
        {"jobID": "job-12345", "processID": 1, "type": null, "status": "running"}

        """;

    public const string DetailedStatus = """
        {"jobID": "f3780917-92c0-4440-8a84-9b28c2e64fa8", "processID": 12, "type": null, "status": "successful", "title": "sardem-sarsen", "description": "This application is designed ...", "keywords": ["ogc", "sar"], "request": null, "message": null, "created": "2026-03-02T18:30:01.004512Z", "started": "2026-03-02T18:31:10.120001Z", "finished": "2026-03-02T18:40:55.873210Z", "updated": null, "progress": null, "tags": ["sardem-sarsen:mlucas_nasa_ogc"], "job_queue": "maap-dps-worker-8gb", "process_name": "sardem-sarsen:mlucas_nasa_ogc", "products": "http://maap-ops-workspace.s3-website-us-west-2.amazonaws.com/mlucas/dps_output/...", "links": [{"href": "/ogc/jobs/f3780917-92c0-4440-8a84-9b28c2e64fa8", "rel": "self", "type": "application/json", "hreflang": "en", "title": "Job Status"}]}

        """;

    public const string Dismissed = """
        {"jobID": "f3780917-92c0-4440-8a84-9b28c2e64fa8", "type": "process", "status": "dismissed"}

        """;

    public const string Results = """
        {"additionalProp1": {"links": [{"href": "http://maap-ops-workspace.s3-website-us-west-2.amazonaws.com/mlucas/dps_output/sardem-sarsen/mlucas_nasa_ogc/2026/03/02/18/40/55/873210"}, {"href": "s3://s3-us-west-2.amazonaws.com:80/maap-ops-workspace/mlucas/dps_output/sardem-sarsen/mlucas_nasa_ogc/2026/03/02/18/40/55/873210"}, {"href": "https://s3.console.aws.amazon.com/s3/buckets/maap-ops-workspace/mlucas/dps_output/sardem-sarsen/mlucas_nasa_ogc/2026/03/02/18/40/55/873210/?region=us-east-1&tab=overview"}], "id": "output-2026-03-02T18:40:55.873210"}}

        """;

    public const string ResultsQueued = """
        {"status": 500, "detail": "Failed to get job result of job with id: f3780917-92c0-4440-8a84-9b28c2e64fa8. 'NoneType' object has no attribute 'get'. If you don't see expected results, please contact administrator of DPS"}

        """;

    public const string Metrics = """
        {"machine_type": "c5.large", "architecture": "amd64", "machine_memory_size": "16 GB", "directory_size": 2048, "operating_system": "CentOS", "job_start_time": "2023-01-01T12:00:00Z", "job_end_time": "2023-01-01T13:00:00Z", "job_duration_seconds": 3600, "cpu_usage": 54321, "cache_usage": 1024, "mem_usage": 2048, "max_mem_usage": 4096, "swap_usage": 0, "read_io_stats": 2000, "write_io_stats": 4000, "sync_io_stats": 1000, "async_io_stats": 1000, "total_io_stats": 6000}

        """;

    public const string DeploymentSucceeded = """
        {"created": "2026-03-02 18:20:01.118230", "status": "successful", "pipeline": {"executionVenue": "gitlab", "pipelineId": 1234, "processPipelineLink": {"href": "https://repo.maap-project.org/root/deploy-ogc-hysds/-/pipelines/1234", "rel": "monitor", "type": "text/html", "hreflang": "en", "title": "Deploying Process Pipeline"}}, "cwl": {"href": "https://example.org/process.cwl", "rel": "service-desc", "type": "application/cwl", "hreflang": "en", "title": "Process Reference"}, "links": {"href": "/ogc/deploymentJobs/57", "rel": "self", "type": "application/json", "hreflang": "en", "title": "Deployment Link"}, "processLocation": {"href": "/ogc/processes/12", "rel": "service-doc", "type": "application/json", "hreflang": "en", "title": "Process Location"}}

        """;

    /// <summary>The same deployment before the pipeline finished: no processLocation yet (§3.15), status running.</summary>
    public const string DeploymentRunning = """
        {"created": "2026-03-02 18:20:01.118230", "status": "running", "pipeline": {"executionVenue": "gitlab", "pipelineId": 1234, "processPipelineLink": {"href": "https://repo.maap-project.org/root/deploy-ogc-hysds/-/pipelines/1234", "rel": "monitor", "type": "text/html", "hreflang": "en", "title": "Deploying Process Pipeline"}}, "cwl": {"href": "https://example.org/process.cwl", "rel": "service-desc", "type": "application/cwl", "hreflang": "en", "title": "Process Reference"}, "links": {"href": "/ogc/deploymentJobs/57", "rel": "self", "type": "application/json", "hreflang": "en", "title": "Deployment Link"}}

        """;

    /// <summary>A detailed list item (§3.10): a whole Mozart document with jobID, type, status and the buggy job_type overwritten.</summary>
    public static string DetailedJobList(params (string Id, string Status)[] jobs) =>
        "{\"status\": 200, \"jobs\": [" + string.Join(", ", jobs.Select(j =>
            "{\"job_id\": \"" + j.Id + "\", \"tags\": [\"run-1\"], \"context\": {\"tag\": \"run-1\"}, \"job\": {\"type\": \"job-sardem-sarsen_42:mlucas_nasa_ogc\", \"job_info\": {\"job_queue\": \"maap-dps-worker-8gb\", \"time_queued\": \"2026-03-02T18:30:01.004512Z\", \"time_start\": \"2026-03-02T18:31:10.120001Z\", \"time_end\": \"2026-03-02T18:40:55.873210Z\", \"metrics\": {\"products_staged\": [{\"id\": \"output-1\", \"urls\": [\"http://a/b\", \"s3://s3-us-west-2.amazonaws.com:80/bucket/b\"]}]}}}, "
            + "\"jobID\": \"" + j.Id + "\", \"type\": \"process\", \"status\": \"" + j.Status + "\", \"job_type\": \"process\"}"))
        + "], \"links\": [], \"inputs\": [{\"name\": \"bbox\", \"value\": \"1 2 3 4\"}]}\n";

    public static string CompactJobs(int count, int from = 0) =>
        "{\"status\": 200, \"jobs\": [" + string.Join(", ", Enumerable.Range(from, count).Select(i => $"{{\"jobID\": \"job-{i}\", \"type\": \"process\", \"status\": \"successful\", \"job_type\": \"job-test-process\"}}")) + "], \"links\": []}\n";
}
