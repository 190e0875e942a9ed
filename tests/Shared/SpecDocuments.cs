namespace Maap.Algorithms.Testing;

/// <summary>
/// Documents of maap-api-spec.md that more than one test project checks against, copied verbatim once:
/// what maap-py sends (TV-1) and MAAP's own algorithm_config.yaml (§12.1, TV-13).
/// </summary>
internal static class SpecDocuments
{
    /// <summary>TV-1: the Execute document maap-py sends for the jobs guide's example (spec §3, tabs and blank lines included).</summary>
    public const string Tv1Execute = """
        <wps:Execute
        	xmlns:wps="http://www.opengis.net/wps/2.0"
        	xmlns:ows="http://www.opengis.net/ows/2.0"
        	xmlns:xlink="http://www.w3.org/1999/xlink"
        	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
        	   xsi:schemaLocation="http://www.opengis.net/wps/2.0 ../wps.xsd" service="WPS"
        	   version="2.0.0" response="document" mode="sync">
        	<ows:Identifier>job-run-dps-test_ubuntu:delay10</ows:Identifier>
        	<wps:Input id="identifier">
        		<wps:Data>
        			<wps:LiteralValue><![CDATA[test-job]]></wps:LiteralValue>
        		</wps:Data>
        	</wps:Input>

        	<wps:Input id="queue">
        		<wps:Data>
        			<wps:LiteralValue><![CDATA[maap-dps-worker-8gb]]></wps:LiteralValue>
        		</wps:Data>
        	</wps:Input>

        	<wps:Input id="input_file">
        		<wps:Data>
        			<wps:LiteralValue><![CDATA[https://raw.githubusercontent.com/MAAP-Project/dps-unit-test/main/README.md]]></wps:LiteralValue>
        		</wps:Data>
        	</wps:Input>

        	<wps:Input id="username">
        		<wps:Data>
        			<wps:LiteralValue><![CDATA[jdoe]]></wps:LiteralValue>
        		</wps:Data>
        	</wps:Input>


        	<wps:Output id="result" transmission="value"/>
        </wps:Execute>
        """;

    /// <summary>TV-13: PY test/dps_test_algo_config.yaml, byte for byte (spec §12.1).</summary>
    public const string Tv13AlgorithmConfigYaml = """
        algorithm_description: Algorithm used for functional testing of API and MAAP py
        algorithm_name: maap_functional_test_algo
        algorithm_version: main
        build_command: dps_tutorial/gdal_wrapper/build-env.sh
        disk_space: 5GB
        docker_container_url: mas.dit.maap-project.org/root/maap-workspaces/base_images/vanilla:develop
        inputs:
          config: []
          file:
          - {default: 'https://photojournal.jpl.nasa.gov/tiff/PIA00127.tif', description: '', name: input_file, required: false}
          positional:
          - {default: output.tif, description: '', name: output_filename, required: false}
          - {default: '10', description: '', name: outsize, required: false}
        queue: maap-dps-worker-8gb
        repository_url: https://github.com/MAAP-Project/dps_tutorial.git
        run_command: dps_tutorial/gdal_wrapper/run_gdal.sh

        """;
}
