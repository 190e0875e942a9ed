"""The requests maap-py 5.x sends for its OGC calls (maap-ogc-spec.md section 7.1), replayed against a MAAP API.

maap-py itself is not on PyPI, so this script sends what its methods send, header for header and query for query:
GET and DELETE carry maap-py's echo10 Accept/Content-Type, its ignored 'token' header and 'proxy-ticket'; POST and
PUT the same with application/json; URLs are the config's endpoints joined with os.path.join. It exits 0 and prints
one JSON summary when every answer has the shape maap-py's users read, else it fails on the first one that does not.
Arguments: CWL file, queue, secret name. Environment: MAAP_API_HOST, MAAP_PGT.
"""
import hashlib
import json
import os
import sys
import time

import requests

cwl_file, queue, secret_name = sys.argv[1:4]
host = os.environ["MAAP_API_HOST"].rstrip("/")
pgt = os.environ["MAAP_PGT"]

config = requests.get(host + "/api/environment/config").json()
root = config["service"]["maap_api_root"].rstrip("/")
endpoint = config["maap_endpoint"]
processes_ogc = root + "/" + endpoint["processes_ogc"]
deployment_jobs_ogc = root + "/" + endpoint["deployment_jobs_ogc"]
jobs_ogc = root + "/" + endpoint["jobs_ogc"]


def headers(json_body=False):
    kind = "application/json" if json_body else "application/echo10+xml"
    return {"Accept": kind, "token": "some-token", "Content-Type": kind, "proxy-ticket": pgt}


def expect(response, *codes):
    assert response.status_code in codes, f"{response.request.method} {response.url}: {response.status_code} {response.text[:500]}"
    return response


def poll(url, done, limit=90):
    deadline = time.time() + limit
    while True:
        response = requests.get(url, headers=headers())
        if done(response):
            return response
        assert time.time() < deadline, f"{url} never got there: {response.status_code} {response.text[:300]}"
        time.sleep(0.1)


summary = {}

# maap.secrets.add_secret (unchanged in 5.x): the job reads it back with its own credentials.
secret_value = "py5-" + str(time.time())
expect(requests.post(root + "/members/self/secrets", headers=headers(True), data=json.dumps({"secret_name": secret_name, "secret_value": secret_value})), 200)

# register_algorithm_from_cwl_file(file_path)
with open(cwl_file) as f:
    deployed = expect(requests.post(processes_ogc, headers=headers(True), data=json.dumps({"cwlRawText": f.read()})), 202).json()
assert deployed["status"] == "accepted" and isinstance(deployed["deploymentJobID"], int), deployed

# get_deployment_status(deployment_id): 201 once, on the read that sees success
seen = []
def deployment_done(response):
    seen.append(response.status_code)
    return response.json()["status"] in ("successful", "failed")
status = poll(os.path.join(deployment_jobs_ogc, str(deployed["deploymentJobID"])), deployment_done).json()
assert status["status"] == "successful", status
assert seen[-1] == 201 and 201 not in seen[:-1], seen
process_id = int(status["processLocation"]["href"].rsplit("/", 1)[1])
again = expect(requests.get(os.path.join(deployment_jobs_ogc, str(deployed["deploymentJobID"])), headers=headers()), 200)
summary["processID"] = process_id

# list_algorithms(), describe_algorithm(process_id), get_algorithm_package(process_id)
listed = expect(requests.get(processes_ogc, headers=headers()), 200).json()
assert any(p["processID"] == process_id for p in listed["processes"]), listed
described = expect(requests.get(os.path.join(processes_ogc, str(process_id)), headers=headers()), 200).json()
assert described["processID"] == str(process_id) and "who" in described["inputs"], described
expect(requests.get(os.path.join(processes_ogc, str(process_id), "package"), headers=headers()), 200)

# submit_job(process_id, inputs, queue): dedup and tag only when given
submitted = expect(requests.post(os.path.join(processes_ogc, str(process_id), "execution"), headers=headers(True),
                                 data=json.dumps({"inputs": {"who": "maap-py", "secret": secret_name}, "queue": queue})), 202).json()
assert submitted["status"] == "accepted" and submitted["processID"] == process_id, submitted
job_id = submitted["jobID"]

# get_job_status(job_id) until it ends
final = poll(os.path.join(jobs_ogc, job_id), lambda r: r.status_code == 200 and r.json()["status"] not in ("accepted", "running")).json()
assert final["status"] == "successful", final
summary["status"] = final["status"]

# get_job_result(job_id): the job wrote the secret's fingerprint into its output
result = expect(requests.get(os.path.join(jobs_ogc, job_id, "results"), headers=headers()), 200).json()
links = [link["href"] for product in result.values() if isinstance(product, dict) for link in product["links"]]
assert links and "detail" not in result, result
fingerprint = requests.get(links[0].rstrip("/") + "/secret.txt").text.strip()
assert fingerprint == hashlib.sha256(secret_value.encode()).hexdigest(), "the job did not read the secret"
summary["secret_in_job"] = True

# get_job_metrics(job_id)
metrics = expect(requests.get(os.path.join(jobs_ogc, job_id, "metrics"), headers=headers()), 200).json()
assert isinstance(metrics["job_duration_seconds"], (int, float)), metrics

# list_jobs() with maap-py's defaults, then with filters in maap-py's order
default_list = expect(requests.get(jobs_ogc, headers=headers(), params={"getJobDetails": True, "offset": 0, "pageSize": 10}), 200).json()
assert any(j["jobID"] == job_id for j in default_list["jobs"]), default_list
filtered = expect(requests.get(jobs_ogc, headers=headers(), params={"processID": process_id, "getJobDetails": False, "offset": 0, "pageSize": 10, "status": "successful"}), 200).json()
assert [j["jobID"] for j in filtered["jobs"]] == [job_id], filtered

# cancel_job(job_id, wait_for_completion=True): a finished job cannot be dismissed
refused = expect(requests.delete(os.path.join(jobs_ogc, job_id), headers=headers(), params={"wait_for_completion": "true"}), 400).json()
assert refused["detail"] == "Not allowed to cancel job with status job-completed", refused

# delete_algorithm(process_id)
expect(requests.delete(os.path.join(processes_ogc, str(process_id)), headers=headers()), 200)
print(json.dumps(summary))
