public import Credsync
internal import CredsyncOpenSSL
import CredsyncWire
import Foundation

/// The whole protocol on loopback: both stand-ins, a platform pushing credentials, Cal.com asking for fresh tokens,
/// both probes, and the doctor over the two sides' `.env` files, graded into one report.
///
/// The secret and key are drawn fresh for each run, as `openssl rand -base64 24` would, and never shown; the
/// report carries their key-check values.
public struct Demo: Sendable {
    /// What a run produced.
    public struct Outcome: Sendable {
        /// Every check's result, side by side.
        public let report: ConformanceReport

        /// The secrets, key and tokens the run used, for the tripwire.
        public let secrets: [Tripwire.Secret]
    }

    /// The edition both stand-ins speak.
    public let edition: Edition

    /// The deadline of every request.
    public let timeout: Duration

    /// Makes a demo.
    ///
    /// - Parameters:
    ///   - edition: The edition both stand-ins speak.
    ///   - timeout: The deadline of every request.
    public init(edition: Edition = .current, timeout: Duration = .seconds(5)) {
        self.edition = edition
        self.timeout = timeout
    }

    /// Runs the demo.
    ///
    /// - Parameter narrate: Called with each step, one line at a time, for a person to follow.
    /// - Returns: The report and the secrets.
    /// - Throws: ``DemoError`` when a stand-in cannot start or the platform's own step fails.
    public func run(narrate: @Sendable (String) -> Void) async throws(DemoError) -> Outcome {
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let secret = try Self.randomBase64(bytes: 24)
        let keyString = try Self.randomBase64(bytes: 24)
        let key: EnvelopeKey
        do {
            key = try EnvelopeKey(keyString)
        } catch {
            throw DemoError("the drawn key is not a valid key: \(error)")
        }
        let adminAPIKey = "cal_" + Hex.encode(try Self.random(bytes: 16))
        let memberAPIKey = "cal_" + Hex.encode(try Self.random(bytes: 16))
        narrate("secret \(KeyCheckValue(secret: secret)), key \(key.keyCheckValue) (drawn for this run, never shown)")

        let endpoint: EndpointStandIn
        do {
            endpoint = try EndpointStandIn(EndpointStandInOptions(edition: edition, secret: secret))
        } catch {
            throw DemoError("the sync endpoint stand-in cannot start: \(error)")
        }
        let calcom: CalcomStandIn
        do {
            calcom = try CalcomStandIn(
                options: CalcomStandIn.Options(
                    settings: WebhookSettings(edition: edition, secret: secret, keyString: keyString),
                    seed: CalcomSeed(
                        users: Set(1...10),
                        apps: WebhookAppRecord.known.merging(["legacy-app": .withoutMetadata]) { first, _ in first }
                    ),
                    adminAPIKey: adminAPIKey,
                    memberAPIKey: memberAPIKey
                )
            )
        } catch {
            await endpoint.shutdown()
            throw DemoError("the Cal.com stand-in cannot start: \(error)")
        }
        do {
            try await calcom.start()
        } catch {
            await endpoint.shutdown()
            throw DemoError("the Cal.com stand-in cannot start: \(error)")
        }
        let calcomURL = calcom.baseURL ?? ""
        narrate("Cal.com stand-in (\(edition)) listening on \(calcomURL)")
        narrate("sync endpoint stand-in listening on \(endpoint.url)")

        do {
            let results = try await exercise(
                calcom: calcom,
                endpoint: endpoint,
                secret: secret,
                keyString: keyString,
                key: key,
                apiKeys: (admin: adminAPIKey, member: memberAPIKey),
                narrate: narrate
            )
            await calcom.shutdown()
            await endpoint.shutdown()

            let elapsed = start.duration(to: clock.now)
            let report = ConformanceReport(
                command: "demo",
                target: "stand-ins on loopback: Cal.com \(calcomURL), sync endpoint \(endpoint.url)",
                edition: results.edition,
                startedAt: startedAt,
                seconds: elapsed.inSeconds,
                strict: false,
                results: results.results,
                writes: results.writes,
                notes: [
                    "the Cal.com stand-in answers as \(edition) Cal.com does, including the SHOULDs Cal.com misses,"
                        + " which the probe reports as warnings",
                    "secret \(KeyCheckValue(secret: secret)); key \(key.keyCheckValue)",
                ]
            )
            return Outcome(report: report, secrets: results.secrets + endpoint.secrets)
        } catch {
            await calcom.shutdown()
            await endpoint.shutdown()
            throw error
        }
    }

    private struct Exercise {
        var results: [CheckResult]
        var edition: ConformanceReport.EditionFinding?
        var writes: [String]
        var secrets: [Tripwire.Secret]
    }

    private func exercise(
        calcom: CalcomStandIn,
        endpoint: EndpointStandIn,
        secret: String,
        keyString: String,
        key: EnvelopeKey,
        apiKeys: (admin: String, member: String),
        narrate: @Sendable (String) -> Void
    ) async throws(DemoError) -> Exercise {
        let client = HTTPClient(
            configuration: HTTPClientConfiguration(
                timeouts: HTTPTimeouts(connect: timeout, firstByte: timeout, total: timeout)
            )
        )
        var secrets: [Tripwire.Secret] = [
            .init(label: edition.secretVariable, value: secret),
            .init(label: Edition.keyVariable, value: keyString),
            .init(label: "admin API key", value: apiKeys.admin),
            .init(label: "non-admin API key", value: apiKeys.member),
        ]

        // 1. The platform pushes its users' credentials, as a platform's backend would.
        narrate("")
        narrate("platform → Cal.com: pushing credentials")
        let now = Date().timeIntervalSince1970 * 1000
        for (appSlug, round) in [("google-calendar", 1), ("zoom", 1), ("google-calendar", 2)] {
            let token = "credsync-canary-demo-\(appSlug)-\(round)-" + Hex.encode(try Self.random(bytes: 8))
            secrets.append(.init(label: "pushed access_token", value: token))
            let document: JSONValue = [
                "access_token": .string(token), "token_type": "Bearer",
                "expiry_date": .number((now + 3_600_000).rounded()),
            ]
            let push: WebhookRequest
            do {
                push = try WebhookRequest.sealing(document, userId: 1, appSlug: appSlug, key: key)
            } catch {
                throw DemoError("the platform cannot seal its push: \(error)")
            }
            let answer = await send(
                client,
                method: "POST",
                url: calcomURL(calcom) + Edition.webhookPath,
                headers: [edition.defaultHeaderName: secret, "content-type": "application/json"],
                body: push.body
            )
            narrate("  push user 1 \(appSlug) → \(answer)")
        }

        // 2. Cal.com asks the platform for fresh tokens, exactly as its OAuthManager does.
        narrate("")
        narrate("Cal.com → platform: refreshing tokens")
        let endpointURL = HTTPURL(endpoint.url)
        for appSlug in ["google-calendar", "zoom"] {
            let message = RefreshRequest(calcomUserId: 1, appSlug: appSlug).message(
                edition: edition,
                target: endpointURL?.target ?? "/",
                secret: secret,
                includeFetchDefaults: true
            )
            var headers = HTTPHeaders()
            for field in message.fields where field.name.lowercased() != "accept-encoding" {
                headers.add(name: field.name, value: field.value)
            }
            let exchange = await Self.execute(
                client,
                method: message.method,
                url: endpoint.url,
                headers: headers,
                body: message.body
            )
            switch exchange {
            case .success(let response):
                let grading = TokenResponse.grade(
                    status: response.status,
                    body: response.body,
                    now: Date().timeIntervalSince1970 * 1000
                )
                if let token = (try? JSONParser.parse(response.body))?["access_token"]?.stringValue {
                    secrets.append(.init(label: "received access_token", value: token))
                }
                let expiry =
                    grading.normalizedExpiryDate.map {
                        "expires in \(Int(($0 - Date().timeIntervalSince1970 * 1000) / 1000)) s"
                    } ?? "no expiry"
                narrate("  refresh user 1 \(appSlug) → \(response.status), token \(grading.outcome), \(expiry)")
            case .failure(let error):
                narrate("  refresh user 1 \(appSlug) → \(error.shortDescription)")
            }
        }

        // 3. What each stand-in concluded about its counterpart.
        let senderResults = calcom.results()
        let callerResults = await CheckRunner(checks: RefreshCallerChecks.checks(for: edition)).run(endpoint.log)

        // 4. Both probes, against the stand-ins.
        narrate("")
        narrate("probing the Cal.com stand-in (writes for test user 2)")
        let calcomRun = await CalcomProbeRun.run(
            CalcomProbeConfiguration(
                baseURL: calcomURL(calcom),
                secret: secret,
                key: key,
                userId: 2,
                appSlug: "google-calendar",
                raceAppSlug: "zoom",
                metadatalessAppSlug: "legacy-app",
                apiKey: edition == .current ? apiKeys.admin : nil,
                nonAdminAPIKey: edition == .current ? apiKeys.member : nil,
                timeout: timeout,
                edition: .auto,
                allowWrites: true
            )
        )
        secrets += calcomRun.secrets
        narrate("  \(calcomRun.report.summary.line)")

        narrate("probing the sync endpoint stand-in")
        guard let url = endpointURL else {
            throw DemoError("the endpoint stand-in's URL is not an http URL: \(endpoint.url)")
        }
        let endpointRun = await EndpointProbe(
            configuration: EndpointProbeConfiguration(url: url, edition: edition, secret: secret, timeout: timeout)
        ).run()
        secrets += endpointRun.receivedCredentials.map { .init(label: "received access_token", value: $0) }
        narrate("  \(endpointRun.report.summary.line)")

        // 5. The doctor, over the .env files both sides would have.
        let doctorResults = await doctor(secret: secret, keyString: keyString, endpointURL: endpoint.url)
        narrate("checking both sides' .env files")
        narrate("  \(RunSummary(doctorResults).line)")

        return Exercise(
            results: doctorResults + senderResults + callerResults + calcomRun.report.results
                + endpointRun.report.results,
            edition: calcomRun.report.edition,
            writes: calcomRun.report.writes,
            secrets: secrets
        )
    }

    private func doctor(secret: String, keyString: String, endpointURL: String) async -> [CheckResult] {
        let header = edition.defaultHeaderName
        let shared = """
            \(edition.secretVariable)=\(secret)
            \(edition.headerNameVariable)=\(header)
            \(Edition.keyVariable)=\(keyString)

            """
        let calcomText = shared + "\(Edition.endpointVariable)=\(endpointURL)\n"
        guard let calcomFile = try? EnvironmentFile.parse(calcomText),
            let platformFile = try? EnvironmentFile.parse(shared)
        else {
            return []
        }
        let context = ConfigurationContext(
            edition: edition,
            calcom: (label: "Cal.com .env", file: calcomFile),
            platform: (label: "platform .env", file: platformFile)
        )
        return await CheckRunner(checks: ConfigurationChecks.checks(for: context)).run(context)
    }

    private func calcomURL(_ calcom: CalcomStandIn) -> String {
        calcom.baseURL ?? ""
    }

    private func send(
        _ client: HTTPClient,
        method: String,
        url: String,
        headers: HTTPHeaders,
        body: [UInt8]
    ) async -> String {
        switch await Self.execute(client, method: method, url: url, headers: headers, body: body) {
        case .success(let response):
            let message = (try? JSONParser.parse(response.body))?["message"]?.stringValue
            return "\(response.status)" + (message.map { " \($0)" } ?? "")
        case .failure(let error):
            return error.shortDescription
        }
    }

    private static func execute(
        _ client: HTTPClient,
        method: String,
        url: String,
        headers: HTTPHeaders,
        body: [UInt8]
    ) async -> Result<HTTPResponse, HTTPClientError> {
        do {
            let request = try HTTPClientRequest(method: method, url: url, headers: headers, body: body)
            return await client.execute(request).result
        } catch {
            return .failure(error)
        }
    }

    private static func random(bytes count: Int) throws(DemoError) -> [UInt8] {
        do {
            return try SecureRandom.bytes(count: count)
        } catch {
            throw DemoError("no random bytes: \(error)")
        }
    }

    /// What `openssl rand -base64 N` prints: `N` random bytes in base64.
    private static func randomBase64(bytes count: Int) throws(DemoError) -> String {
        Data(try random(bytes: count)).base64EncodedString()
    }
}

/// Why the demo could not run.
public struct DemoError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
