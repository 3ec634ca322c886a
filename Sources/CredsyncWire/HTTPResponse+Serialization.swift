extension HTTPResponse {
    /// The bytes a server sends for this response in ``Delivery/standard`` or ``Delivery/exact`` delivery.
    ///
    /// - Parameters:
    ///   - request: The request answered, or `nil` when answering one that could not be parsed.
    ///   - keepAlive: Whether the connection may stay open; lowered when the response closes it.
    /// - Returns: The bytes.
    func serialized(answering request: HTTPRequest?, keepAlive: inout Bool) -> [UInt8] {
        let exact: Bool
        if case .exact = delivery {
            exact = true
        } else {
            exact = false
        }

        var headers = self.headers
        let bodyForbidden = (100..<200).contains(status) || status == 204 || status == 304
        let chunked = headers.containsToken("chunked", in: "Transfer-Encoding")
        if headers.containsToken("close", in: "Connection") {
            keepAlive = false
        }

        if exact {
            if !headers.contains("Content-Length") && !chunked && !bodyForbidden {
                keepAlive = false
            }
        } else {
            if !chunked && !headers.contains("Content-Length") && !bodyForbidden {
                headers.add(name: "Content-Length", value: String(body.count))
            }
            if !keepAlive && !headers.containsToken("close", in: "Connection") {
                headers.add(name: "Connection", value: "close")
            } else if keepAlive && request?.version == .http10 && !headers.contains("Connection") {
                headers.add(name: "Connection", value: "keep-alive")
            }
        }

        var output: [UInt8] = []
        output.reserveCapacity(64 + headers.count * 32 + body.count)
        output.append(contentsOf: version.description.utf8)
        output.append(0x20)
        output.append(contentsOf: String(status).utf8)
        output.append(0x20)
        output.append(contentsOf: (reason.isEmpty && !exact ? Self.standardReason(for: status) : reason).utf8)
        output.append(contentsOf: [0x0D, 0x0A])
        for field in headers {
            output.append(contentsOf: field.name.utf8)
            output.append(contentsOf: [0x3A, 0x20])
            output.append(contentsOf: field.value.utf8)
            output.append(contentsOf: [0x0D, 0x0A])
        }
        output.append(contentsOf: [0x0D, 0x0A])

        guard request?.method != "HEAD" && (exact || !bodyForbidden) else {
            return output
        }
        if chunked && !exact {
            if !body.isEmpty {
                output.append(contentsOf: String(body.count, radix: 16).utf8)
                output.append(contentsOf: [0x0D, 0x0A])
                output.append(contentsOf: body)
                output.append(contentsOf: [0x0D, 0x0A])
            }
            output.append(contentsOf: [0x30, 0x0D, 0x0A])
            for field in trailers {
                output.append(contentsOf: "\(field.name): \(field.value)\r\n".utf8)
            }
            output.append(contentsOf: [0x0D, 0x0A])
        } else {
            output.append(contentsOf: body)
        }
        return output
    }
}
