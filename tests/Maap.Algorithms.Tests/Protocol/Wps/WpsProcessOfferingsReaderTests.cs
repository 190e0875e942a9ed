using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

public class WpsProcessOfferingsReaderTests
{
    // The shape MAAP's describe-process endpoints build (spec §14): ElementTree output, so no whitespace, a child
    // that declares its own prefix for the WPS namespace, and an unqualified LiteralDataDomain.
    private const string ServerShaped =
        """<wps:ProcessOfferings xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0">"""
        + """<wps:ProcessOffering processVersion="1.1.0" jobControlOptions="sync-execute async-execute" outputTransmission="value reference"><wps:Process>"""
        + """<ows:Title>Algorithm: dps_tutorial ; Version: main</ows:Title><ows:Identifier>dps_tutorial:main</ows:Identifier>"""
        + """<wps:Input minOccurs="1" maxOccurs="1"><ows:Title>input_file</ows:Title><ows:Identifier>input_file</ows:Identifier><ns:LiteralData xmlns:ns="http://www.opengis.net/wps/2.0"><ns:Format default="true" mimeType="text/plain" /><LiteralDataDomain><ows:AnyValue /><ows:DataType ows:reference="xs:string" /></LiteralDataDomain></ns:LiteralData></wps:Input>"""
        + """<wps:Input minOccurs="1" maxOccurs="1"><ows:Title>outsize</ows:Title><ows:Identifier>outsize</ows:Identifier><ns:LiteralData xmlns:ns="http://www.opengis.net/wps/2.0"><ns:Format default="true" mimeType="text/plain" /><LiteralDataDomain><ows:AnyValue /><ows:DataType ows:reference="xs:string" /></LiteralDataDomain></ns:LiteralData></wps:Input>"""
        + """<wps:Input minOccurs="1" maxOccurs="1"><ows:Title>queue_name</ows:Title><ows:Identifier>queue_name</ows:Identifier><ns:LiteralData xmlns:ns="http://www.opengis.net/wps/2.0"><ns:Format default="true" mimeType="text/plain" /><LiteralDataDomain><wps:Data><wps:LiteralValue>maap-dps-worker-8gb</wps:LiteralValue></wps:Data></LiteralDataDomain></ns:LiteralData></wps:Input>"""
        + """<wps:Output /></wps:Process></wps:ProcessOffering></wps:ProcessOfferings>""";

    [Fact]
    public void Server_shaped_offering_gives_identifier_title_inputs_and_queue()
    {
        var description = WpsReader.ReadProcessOfferings(ServerShaped);

        Assert.Equal("dps_tutorial:main", description.Identifier);
        Assert.Equal("Algorithm: dps_tutorial ; Version: main", description.Title);
        Assert.Equal(
            [new AlgorithmParameter("input_file", "input_file", "xs:string"), new AlgorithmParameter("outsize", "outsize", "xs:string")],
            description.Inputs);
        Assert.Equal("maap-dps-worker-8gb", description.RecommendedQueue);
    }

    [Fact]
    public void Queue_name_input_is_not_listed_as_an_input()
    {
        var description = WpsReader.ReadProcessOfferings(ServerShaped);

        Assert.DoesNotContain(description.Inputs, p => p.Name == "queue_name");
    }

    [Fact]
    public void Standard_wps_layout_with_extra_elements_and_other_prefixes_is_read()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <p:ProcessOfferings xmlns:p="http://www.opengis.net/wps/2.0" xmlns:o="http://www.opengis.net/ows/2.0" xmlns:x="urn:vendor">
              <x:Banner>ignored</x:Banner>
              <p:ProcessOffering jobControlOptions="async-execute">
                <x:Hint/>
                <p:Process>
                  <o:Identifier>my_algo:1.0</o:Identifier>
                  <o:Abstract>Does things</o:Abstract>
                  <o:Metadata x:role="doc"/>
                  <p:Input>
                    <o:Identifier>threshold</o:Identifier>
                    <p:LiteralData>
                      <p:Format mimeType="text/plain" default="true"/>
                      <LiteralDataDomain>
                        <o:AllowedValues><o:Value>1</o:Value></o:AllowedValues>
                        <o:DefaultValue>0.5</o:DefaultValue>
                        <o:DataType>xs:double</o:DataType>
                      </LiteralDataDomain>
                    </p:LiteralData>
                  </p:Input>
                  <p:Input>
                    <o:Title>Queue</o:Title>
                    <o:Identifier>queue_name</o:Identifier>
                    <p:LiteralData><LiteralDataDomain><o:DefaultValue> maap-dps-sandbox </o:DefaultValue></LiteralDataDomain></p:LiteralData>
                  </p:Input>
                  <p:Output><o:Identifier>result</o:Identifier></p:Output>
                </p:Process>
              </p:ProcessOffering>
              <p:ProcessOffering><p:Process><o:Identifier>second:ignored</o:Identifier></p:Process></p:ProcessOffering>
            </p:ProcessOfferings>
            """;

        var description = WpsReader.ReadProcessOfferings(xml);

        Assert.Equal("my_algo:1.0", description.Identifier);
        Assert.Null(description.Title);
        Assert.Equal([new AlgorithmParameter("threshold", null, "xs:double")], description.Inputs);
        Assert.Equal("maap-dps-sandbox", description.RecommendedQueue);
    }

    [Fact]
    public void Offering_without_inputs_or_queue_is_read()
    {
        const string xml = """<wps:ProcessOfferings xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:ProcessOffering><wps:Process><ows:Identifier>a:b</ows:Identifier></wps:Process></wps:ProcessOffering></wps:ProcessOfferings>""";

        var description = WpsReader.ReadProcessOfferings(xml);

        Assert.Equal("a:b", description.Identifier);
        Assert.Empty(description.Inputs);
        Assert.Null(description.RecommendedQueue);
    }

    [Fact]
    public void Offerings_without_a_process_is_an_error()
    {
        const string xml = """<wps:ProcessOfferings xmlns:wps="http://www.opengis.net/wps/2.0"><wps:ProcessOffering/></wps:ProcessOfferings>""";

        var error = Assert.Throws<FormatException>(() => WpsReader.ReadProcessOfferings(xml));

        Assert.Contains("wps:Process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_without_an_identifier_is_an_error()
    {
        const string xml = """<wps:ProcessOfferings xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:ProcessOffering><wps:Process><ows:Title>t</ows:Title></wps:Process></wps:ProcessOffering></wps:ProcessOfferings>""";

        var error = Assert.Throws<FormatException>(() => WpsReader.ReadProcessOfferings(xml));

        Assert.Contains("ows:Identifier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_without_an_identifier_is_an_error()
    {
        const string xml = """<wps:ProcessOfferings xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:ProcessOffering><wps:Process><ows:Identifier>a:b</ows:Identifier><wps:Input><ows:Title>t</ows:Title></wps:Input></wps:Process></wps:ProcessOffering></wps:ProcessOfferings>""";

        var error = Assert.Throws<FormatException>(() => WpsReader.ReadProcessOfferings(xml));

        Assert.Contains("wps:Input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exception_report_is_not_a_process_offering()
    {
        Assert.Throws<FormatException>(() => WpsReader.ReadProcessOfferings(WpsTestVectors.Tv7MissingParameter));
    }
}
