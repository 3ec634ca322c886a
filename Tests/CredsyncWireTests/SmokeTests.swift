import CredsyncWire
import Testing

@Suite("Smoke")
struct SmokeTests {
    @Test("GET round trip")
    func roundTrip() async throws {
        let server = try HTTPServer { request in
            .text(200, "hello \(request.method) \(request.target) \(request.body.count)")
        }
        let client = HTTPClient()
        let exchange = await client.execute(
            try HTTPClientRequest(method: "POST", url: server.baseURL + "/x?y", body: [1, 2, 3])
        )
        print(exchange.transcript)
        let response = try exchange.response()
        #expect(response.status == 200)
        #expect(response.bodyText == "hello POST /x?y 3")
        await server.shutdown()
    }
}
